package org.zhonglou.station.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * The state machine of one threshold rule for one device: NORMAL → PENDING (beyond the threshold, waiting
 * for {@code forSeconds}) → FIRING → NORMAL only once a value is back beyond {@code clearThreshold}.
 * Values between the two thresholds change nothing while FIRING, which is what stops flapping.
 */
final class Hysteresis {

    enum Phase { NORMAL, PENDING, FIRING }

    /** {@code since}: when the value first went beyond (PENDING and FIRING). {@code lastAt}: last reading seen. */
    record State(Phase phase, Instant since, Instant lastAt) {
        static final State INITIAL = new State(Phase.NORMAL, null, null);

        /** The state after one reading; a reading not newer than the last one seen changes nothing. */
        State next(ThresholdRule rule, double value, Instant at) {
            if (lastAt != null && !at.isAfter(lastAt)) {
                return this;
            }
            return switch (phase) {
                case NORMAL -> rule.beyond(value) ? pendingOrFiring(rule, at, at) : new State(Phase.NORMAL, null, at);
                case PENDING -> rule.beyond(value) ? pendingOrFiring(rule, since, at)
                        : new State(Phase.NORMAL, null, at);
                case FIRING -> rule.cleared(value) ? new State(Phase.NORMAL, null, at)
                        : new State(Phase.FIRING, since, at);
            };
        }

        /** A PENDING state whose {@code forSeconds} passed without a reading to say so. */
        State promoted() {
            return new State(Phase.FIRING, since, lastAt);
        }

        boolean firing() {
            return phase == Phase.FIRING;
        }

        private static State pendingOrFiring(ThresholdRule rule, Instant since, Instant at) {
            boolean longEnough = !Duration.between(since, at).minusSeconds(rule.forSeconds()).isNegative();
            return new State(longEnough ? Phase.FIRING : Phase.PENDING, since, at);
        }
    }

    private Hysteresis() {
    }

    static State next(State state, ThresholdRule rule, double value, Instant at) {
        return state.next(rule, value, at);
    }
}
