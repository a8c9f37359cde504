package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.registration.Samples.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;

abstract class SignUpScenarios extends StackScenarios {

    @Test
    void twoHundredConcurrentSignUpsNeverOverbook() throws Exception {
        ApiClient api = api();
        RushScenarios.twoHundredParentsForThirtySeats(n -> api);
    }

    @Test
    void aReplayWithTheSameKeyAndBodyReturnsTheSameEnrollmentAndAnotherBodyIs422() {
        String programme = createProgramme(api(), programme(1, 1));
        String parent = unique("parent");
        ApiClient.Answer first = enrol(api(), programme, parent, "k1", enrollment(unique("李雷"), 1));
        ApiClient.Answer replay = enrol(api(), programme, parent, "k1", enrollment(first.json().path("child")
                .path("fullName").asString(), 1));
        ApiClient.Answer otherBody = enrol(api(), programme, parent, "k1", enrollment(unique("韩梅梅"), 2));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(replay.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(api().get("/api/programmes/" + programme).send().json().path("seatsTaken").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingIdempotencyKeyIs400() {
        String programme = createProgramme(api(), programme(5, 5));
        ApiClient.Answer answer = api().post("/api/programmes/" + programme + "/enrollments", enrollment("赵六", 3))
                .bearer(TestTokens.parent(unique("parent"))).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Idempotency-Key");
    }

    @Test
    void theSameChildIsRefusedForAnotherParentEvenSpelledDifferently() {
        String programme = createProgramme(api(), programme(5, 5));
        String name = unique("王小明");
        ApiClient.Answer first = enrol(api(), programme, unique("mother"), "k", enrollment(name, 7));
        Map<String, Object> fullWidth = new HashMap<>(enrollment(" " + name.replace("王", "王 ") + "　", 7));
        ApiClient.Answer second = enrol(api(), programme, unique("father"), "k", fullWidth);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("type").asString()).isEqualTo("/problems/duplicate-child");
    }

    @Test
    void refusalsNameTheirReason() {
        Map<String, Object> closed = programme(5, 5);
        closed.put("signupOpensAt", "2020-01-01T00:00:00Z");
        closed.put("signupClosesAt", "2020-02-01T00:00:00Z");
        String closedProgramme = createProgramme(api(), closed);
        String open = createProgramme(api(), programme(5, 5));
        Map<String, Object> tooYoung = new HashMap<>(enrollment("小小", 1));
        tooYoung.put("child", Map.of("fullName", "小小", "dateOfBirth", START.minusYears(3).toString()));
        Map<String, Object> noConsent = new HashMap<>(enrollment("小明", 1));
        noConsent.put("consentGiven", false);

        assertThat(enrol(api(), open, unique("p"), "k", tooYoung).json().path("type").asString())
                .isEqualTo("/problems/age-out-of-range");
        assertThat(enrol(api(), open, unique("p"), "k", noConsent).json().path("type").asString())
                .isEqualTo("/problems/consent-required");
        ApiClient.Answer late = enrol(api(), closedProgramme, unique("p"), "k", enrollment("小红", 1));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().path("type").asString()).isEqualTo("/problems/signup-closed");
        assertThat(enrol(api(), "prg-nope", unique("p"), "k", enrollment("小红", 1)).status()).isEqualTo(404);
        assertThat(api().get("/api/programmes/" + open).send().json().path("seatsTaken").asInt()).isZero();
    }

    @Test
    void invalidBodiesAre400AndNameTheField() {
        String programme = createProgramme(api(), programme(5, 5));
        Map<String, Object> badEmail = new HashMap<>(enrollment("小明", 1));
        badEmail.put("guardian", Map.of("fullName", "王芳", "phone", "+8613900000000", "email", "not-an-email"));

        ApiClient.Answer answer = enrol(api(), programme, unique("p"), "k", badEmail);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("guardian.email");
    }

    @Test
    void programmesArePublicToReadButOnlyStaffCreateAndReadRosters() {
        String programme = createProgramme(api(), programme(5, 5));

        assertThat(api().get("/api/programmes").send().body()).contains(programme);
        assertThat(api().get("/api/programmes/" + programme).send().json().path("seatsLeft").asInt()).isEqualTo(5);
        assertThat(api().get("/api/programmes/" + programme + "/roster").send().status()).isEqualTo(401);
        assertThat(api().get("/api/programmes/" + programme + "/roster").bearer(TestTokens.parent("p")).send()
                .status()).isEqualTo(403);
        assertThat(api().post("/api/programmes", programme(1, 1)).bearer(TestTokens.parent("p")).send().status())
                .isEqualTo(403);
        assertThat(enrol(api(), programme, "s", "k", enrollment("x", 1)).status()).isEqualTo(201);
        assertThat(api().post("/api/programmes/" + programme + "/enrollments", enrollment("y", 2))
                .bearer(TestTokens.staff("s")).header("Idempotency-Key", "k").send().status()).isEqualTo(403);
    }
}
