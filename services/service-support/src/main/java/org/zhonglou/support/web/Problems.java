package org.zhonglou.support.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.refusal.Refusal;

/** Builds the problem bodies every service returns, so filters and the advice answer alike. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail body(HttpStatusCode status, String slug, String title, String detail,
                                     List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail body, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(body.getStatus()).contentType(PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return builder.body(body);
    }

    /** The one mapping from the domain's refusal kinds to HTTP statuses. */
    public static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ResponseEntity<ProblemDetail> of(Refusal refusal) {
        return response(body(statusOf(refusal.kind()), refusal.slug(), refusal.title(), refusal.getMessage(),
                refusal.errors()), refusal.retryAfter());
    }

    public static ResponseEntity<ProblemDetail> of(ApiProblem problem) {
        return response(body(problem.status(), problem.slug(), problem.title(), problem.getMessage(),
                problem.errors()), problem.retryAfter());
    }
}
