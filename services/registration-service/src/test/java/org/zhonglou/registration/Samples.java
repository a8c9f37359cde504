package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;

/** Request bodies and calls the scenarios share; every programme and parent is new (unique ids). */
final class Samples {

    static final LocalDate START = LocalDate.now().plusDays(30);

    private Samples() {
    }

    static Map<String, Object> programme(int capacity, int waitlistCapacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "泰盈社区爱心暑托班");
        body.put("community", "泰盈社区");
        body.put("location", "泰盈社区活动中心");
        body.put("startDate", START.toString());
        body.put("endDate", START.plusDays(40).toString());
        body.put("dropOffTime", "08:00");
        body.put("minAge", 6);
        body.put("maxAge", 12);
        body.put("capacity", capacity);
        body.put("waitlistCapacity", waitlistCapacity);
        body.put("signupOpensAt", Instant.now().minusSeconds(60).toString());
        body.put("signupClosesAt", Instant.now().plusSeconds(86_400).toString());
        return body;
    }

    static String createProgramme(ApiClient api, Map<String, Object> body) {
        ApiClient.Answer created = api.post("/api/programmes", body).bearer(TestTokens.staff("staff-1")).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    static Map<String, Object> enrollment(String childName, int n) {
        Map<String, Object> child = Map.of("fullName", childName,
                "dateOfBirth", START.minusYears(8).minusDays(n % 300).toString());
        Map<String, Object> guardian = Map.of("fullName", "家长" + n,
                "phone", String.format("+86139%08d", n), "email", "parent" + n + "@example.cn");
        return Map.of("child", child, "guardian", guardian, "consentGiven", true);
    }

    static ApiClient.Answer enrol(ApiClient api, String programmeId, String parent, String key, Object body) {
        return api.post("/api/programmes/" + programmeId + "/enrollments", body).bearer(TestTokens.parent(parent))
                .header("Idempotency-Key", key).send();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
