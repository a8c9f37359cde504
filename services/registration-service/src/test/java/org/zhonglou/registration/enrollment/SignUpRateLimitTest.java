package org.zhonglou.registration.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.zhonglou.registration.RegistrationProperties;
import org.zhonglou.support.refusal.Refusal;
import org.zhonglou.support.web.Problems;

class SignUpRateLimitTest {

    private final ManualTime time = new ManualTime();
    private final SignUpRateLimit limit = new SignUpRateLimit(
            new RegistrationProperties.SignupRate(10, Duration.ofMinutes(1)), time);

    @Test
    void tenAttemptsAMinutePassThenTheNextIs429UntilATokenIsBack() {
        for (int i = 0; i < 10; i++) {
            limit.attempt("parent-1");
        }

        assertThatThrownBy(() -> limit.attempt("parent-1")).isInstanceOfSatisfying(Refusal.class, problem -> {
            assertThat(Problems.statusOf(problem.kind())).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(problem.retryAfter()).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(7));
        });
        limit.attempt("parent-2");

        time.advance(Duration.ofSeconds(6));
        limit.attempt("parent-1");
        assertThatThrownBy(() -> limit.attempt("parent-1")).isInstanceOf(Refusal.class);
    }

    @Test
    void aGuardianIdleForThePeriodHasTheWholeAllowanceAgain() {
        for (int i = 0; i < 10; i++) {
            limit.attempt("parent-1");
        }
        time.advance(Duration.ofMinutes(1));

        for (int i = 0; i < 10; i++) {
            limit.attempt("parent-1");
        }
        assertThatThrownBy(() -> limit.attempt("parent-1")).isInstanceOf(Refusal.class);
    }

    private static final class ManualTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
