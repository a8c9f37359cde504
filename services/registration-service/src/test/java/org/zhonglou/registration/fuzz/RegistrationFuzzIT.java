package org.zhonglou.registration.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.fuzz.Entropy;
import org.zhonglou.fuzz.Hostile;
import org.zhonglou.fuzz.Queries;
import org.zhonglou.fuzz.RequestBodies;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.fuzz.Exploration;
import org.zhonglou.testsupport.fuzz.FuzzedEntropy;
import org.zhonglou.testsupport.fuzz.HttpInvariant;
import org.zhonglou.testsupport.fuzz.LoopbackOnly;

/**
 * Programme creation and sign-up fed structured hostile input (fuzz-inputs): the answer is always 2xx or a
 * 4xx problem+json. {@code @Test}s explore seeded inputs for a bounded time; {@code @FuzzTest}s replay the
 * committed corpus (src/test/resources/.../RegistrationFuzzITInputs) and fuzz under {@code JAZZER_FUZZ=1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class RegistrationFuzzIT {

    private static final String STAFF = TestTokens.staff("staff-fuzz");

    @Value("${local.server.port}")
    int port;

    private ApiClient api;
    private String programme;

    @BeforeEach
    void onlyLoopback() {
        LoopbackOnly.allow();
    }

    @Test
    void programmeBodies() {
        Exploration.explore("programmes", this::createProgramme);
    }

    @FuzzTest
    void programmeBody(FuzzedDataProvider data) {
        createProgramme(new FuzzedEntropy(data));
    }

    @Test
    void signUpBodies() {
        Exploration.explore("sign-ups", this::signUp);
    }

    @FuzzTest
    void signUpBody(FuzzedDataProvider data) {
        signUp(new FuzzedEntropy(data));
    }

    /**
     * Finding: a path with an encoded line break is refused by Spring Security's firewall; that refusal
     * reached the container's error page and answered plain JSON, not problem+json. (An encoded NUL or
     * slash Tomcat refuses itself, with an HTML page, before any service code runs.)
     */
    @Test
    void findingFirewallRefusalsAreProblemJson() {
        for (String path : new String[] {"/api/programmes/" + programme() + "%0D%0A/enrollments",
                "/api/programmes/a%0Ab/enrollments", "/api/programmes/a%0Db"}) {
            ApiClient.Answer answer = HttpInvariant.check("POST sign-up", path, api().post(path, "{}")
                    .bearer(TestTokens.parent("parent-fuzz")).header("Idempotency-Key", "k").send());
            assertThat(answer.status()).as(path).isEqualTo(400);
        }
    }

    private void createProgramme(Entropy e) {
        String body = RequestBodies.programme(e, "fuzz-" + UUID.randomUUID().toString().substring(0, 8));
        HttpInvariant.check("POST programme", body, api().post("/api/programmes", body).bearer(STAFF).send());
    }

    private void signUp(Entropy e) {
        String body = RequestBodies.signUp(e);
        String parent = "parent-fuzz-" + e.below(5);
        String path = "/api/programmes/" + (e.percent(95) ? programme() : Queries.encode(pathSegment(e)))
                + "/enrollments";
        ApiClient.Call call = api().post(path, body).bearer(TestTokens.parent(parent));
        if (e.percent(95)) {
            call.header("Idempotency-Key", e.percent(90) ? UUID.randomUUID().toString() : printable(e));
        }
        HttpInvariant.check("POST " + path, body, call.send());
    }

    /**
     * A hostile programme id as one path segment, without what Tomcat refuses itself with an HTML page
     * before any service code runs (an encoded NUL, slash or backslash, a dot segment, a request line
     * over 8 KB).
     */
    private String pathSegment(Entropy e) {
        String text = Hostile.text(e, programme()).replaceAll("[\\u0000/\\\\]", "").replace("..", "-");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    /**
     * A header value the HTTP client can send (it refuses control characters), odd all the same, and under
     * Tomcat's 8 KB header limit (beyond it Tomcat answers itself, with an HTML page).
     */
    private static String printable(Entropy e) {
        String text = Hostile.text(e, "key").replaceAll("[^\\x20-\\x7e]", "").strip();
        return text.substring(0, Math.min(text.length(), 1_000)) + "x".repeat(e.below(3) * 300);
    }

    private ApiClient api() {
        if (api == null) {
            api = ApiClient.localhost(port);
        }
        return api;
    }

    /** One open programme with room for every child these runs sign up, made on first use. */
    private String programme() {
        if (programme == null) {
            LocalDate start = LocalDate.now().plusDays(30);
            String body = """
                    {"name": "暑期托管班", "community": "钟楼区", "location": "社区中心", "startDate": "%s",
                     "endDate": "%s", "dropOffTime": "08:00", "minAge": 6, "maxAge": 12, "capacity": 5000,
                     "waitlistCapacity": 100, "signupOpensAt": "%s", "signupClosesAt": "%s"}
                    """.formatted(start, start.plusDays(20), Instant.now().minusSeconds(60),
                    Instant.now().plusSeconds(86_400));
            ApiClient.Answer created = api().post("/api/programmes", body).bearer(STAFF).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            programme = created.json().path("id").asString();
        }
        return programme;
    }
}
