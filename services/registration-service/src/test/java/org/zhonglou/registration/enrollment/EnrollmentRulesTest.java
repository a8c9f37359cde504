package org.zhonglou.registration.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.registration.programme.Programme;
import org.zhonglou.support.refusal.Refusal;
import org.zhonglou.support.web.Problems;

class EnrollmentRulesTest {

    private static final Programme SUMMER = new Programme("prg-1", "暑托班", "泰盈社区", "活动中心",
            LocalDate.of(2024, 7, 8), LocalDate.of(2024, 8, 16), "08:00", 6, 12, 30, 50,
            Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-05T00:00:00Z"), Instant.EPOCH, 3);
    private static final Instant OPEN = Instant.parse("2024-07-02T00:00:00Z");
    private static final LocalDate EIGHT = LocalDate.of(2016, 3, 1);

    @Test
    void aValidRequestPasses() {
        assertThat(EnrollmentRules.violation(SUMMER, EIGHT, true, OPEN)).isEmpty();
    }

    @Test
    void eachRuleHasItsOwnReason() {
        assertThat(slug(EnrollmentRules.violation(SUMMER, EIGHT, false, OPEN).orElseThrow())).isEqualTo("consent-required");
        assertThat(slug(EnrollmentRules.violation(SUMMER, EIGHT, null, OPEN).orElseThrow())).isEqualTo("consent-required");
        assertThat(slug(EnrollmentRules.violation(SUMMER, EIGHT, true, SUMMER.signupClosesAt()).orElseThrow()))
                .isEqualTo("signup-closed");
        assertThat(slug(EnrollmentRules.violation(SUMMER, EIGHT, true, Instant.parse("2024-06-01T00:00:00Z"))
                .orElseThrow())).isEqualTo("signup-closed");
        assertThat(slug(EnrollmentRules.violation(SUMMER, LocalDate.of(2020, 1, 1), true, OPEN).orElseThrow()))
                .isEqualTo("age-out-of-range");
        Refusal noConsent = EnrollmentRules.violation(SUMMER, EIGHT, false, OPEN).orElseThrow();
        assertThat(Problems.statusOf(noConsent.kind()).value()).isEqualTo(422);
    }

    @Test
    void sameGuardianAndKeyGiveTheSameEnrollmentIdOthersDoNot() {
        PiiHasher hasher = new PiiHasher(new byte[32]);

        assertThat(hasher.enrollmentId("parent-1", "k1")).isEqualTo(hasher.enrollmentId("parent-1", "k1"));
        assertThat(hasher.enrollmentId("parent-1", "k1")).isNotEqualTo(hasher.enrollmentId("parent-2", "k1"));
        assertThat(hasher.enrollmentId("parent-1", "k1")).isNotEqualTo(hasher.enrollmentId("parent-1", "k2"));
    }

    @Test
    void anyChangeOfTheBodyOrProgrammeChangesTheFingerprintButDefaultsDoNot() {
        PiiHasher hasher = new PiiHasher(new byte[32]);
        EnrollmentRequest request = request("王小明", "13900000001", null);
        String fingerprint = hasher.fingerprint(request.canonical("prg-1"));

        assertThat(hasher.fingerprint(request("王小明", "13900000001", "zh").canonical("prg-1"))).isEqualTo(fingerprint);
        assertThat(hasher.fingerprint(request("王小鸣", "13900000001", null).canonical("prg-1"))).isNotEqualTo(fingerprint);
        assertThat(hasher.fingerprint(request("王小明", "13900000002", null).canonical("prg-1"))).isNotEqualTo(fingerprint);
        assertThat(hasher.fingerprint(request("王小明", "13900000001", "en").canonical("prg-1"))).isNotEqualTo(fingerprint);
        assertThat(hasher.fingerprint(request.canonical("prg-2"))).isNotEqualTo(fingerprint);
    }

    private static EnrollmentRequest request(String child, String phone, String language) {
        return new EnrollmentRequest(new EnrollmentRequest.Child(child, EIGHT),
                new EnrollmentRequest.Guardian("王芳", phone, "wang@example.cn", language), true);
    }

    private static String slug(Refusal problem) {
        return problem.slug();
    }
}
