package org.zhonglou.registration.enrollment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.zhonglou.registration.RegistrationProperties;
import org.zhonglou.support.refusal.Refusal;

/**
 * Sign-up attempts per guardian (token subject): a token bucket each, refilled evenly over the period.
 * A parent signing up siblings, retrying or correcting a typo never comes near the default (10 a
 * minute); a script cycling names and keys does. Buckets of subjects idle for a whole period are full
 * again anyway, so they are forgotten; the map is bounded besides.
 */
final class SignUpRateLimit {

    private static final int MAX_SUBJECTS = 100_000;

    private final RegistrationProperties.SignupRate rate;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    SignUpRateLimit(RegistrationProperties.SignupRate rate, TimeMeter time) {
        this.rate = rate;
        this.time = time;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(rate.period()).maximumSize(MAX_SUBJECTS)
                .ticker(time::currentTimeNanos).build();
    }

    /** Takes one attempt from the subject's bucket, or refuses with 429 and when to come back. */
    void attempt(String subject) {
        ConsumptionProbe probe = buckets.get(subject, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw Refusal.rateLimited("Too many sign-up attempts; at most " + rate.attempts() + " per "
                    + rate.period().toSeconds() + " s. Try again in " + Math.max(1, wait.toSeconds()) + " s.",
                    wait.plusSeconds(1).withNanos(0));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.attempts()).refillGreedy(rate.attempts(), rate.period()))
                .withCustomTimePrecision(time)
                .build();
    }
}
