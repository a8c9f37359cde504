package org.zhonglou.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.refusal.Refusal;

class RefusalProblemsTest {

    @Test
    void everyRefusalKindHasTheStatusTheApiAlwaysGaveIt() {
        assertThat(status(Refusal.notFound("x"))).isEqualTo(404);
        assertThat(status(Refusal.invalid("x", List.of()))).isEqualTo(400);
        assertThat(status(Refusal.conflict("full", "Full", "x"))).isEqualTo(409);
        assertThat(status(Refusal.unprocessable("too-young", "Too young", "x"))).isEqualTo(422);
        assertThat(status(Refusal.forbidden("x"))).isEqualTo(403);
        assertThat(status(Refusal.rateLimited("x", Duration.ofSeconds(3)))).isEqualTo(429);
        assertThat(status(Refusal.unavailable("x", Duration.ofSeconds(3)))).isEqualTo(503);
    }

    @Test
    void aRefusalReadsExactlyLikeTheEquivalentApiProblem() {
        List<FieldProblem> errors = List.of(new FieldProblem("child.dateOfBirth", "must be in the past"));
        assertSameProblem(Problems.of(Refusal.invalid("Bad child.", errors)),
                Problems.of(ApiProblem.badRequest("Bad child.", errors)));
        assertSameProblem(Problems.of(Refusal.conflict("programme-full", "Programme full", "No seats.")),
                Problems.of(ApiProblem.conflict("programme-full", "Programme full", "No seats.")));
        assertSameProblem(Problems.of(Refusal.rateLimited("Slow down.", Duration.ofSeconds(7))),
                Problems.of(ApiProblem.tooManyRequests("Slow down.", Duration.ofSeconds(7))));
    }

    private static int status(Refusal refusal) {
        return Problems.of(refusal).getStatusCode().value();
    }

    private static void assertSameProblem(ResponseEntity<ProblemDetail> refusal, ResponseEntity<ProblemDetail> api) {
        assertThat(refusal.getStatusCode()).isEqualTo(api.getStatusCode());
        assertThat(refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(api.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(refusal.getBody()).usingRecursiveComparison().isEqualTo(api.getBody());
    }
}
