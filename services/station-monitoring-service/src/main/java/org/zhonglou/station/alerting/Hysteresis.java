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
    }

    private Hysteresis() {
    }

    /** The state after one reading; a reading not newer than the last one seen changes nothing. */
    static State next(State state, Rule rule, double value, Instant at) {
        if (state.lastAt() != null && !at.isAfter(state.lastAt())) {
            return state;
        }
        return switch (state.phase()) {
            case NORMAL -> rule.beyond(value) ? pendingOrFiring(rule, at, at) : new State(Phase.NORMAL, null, at);
            case PENDING -> rule.beyond(value) ? pendingOrFiring(rule, state.since(), at)
                    : new State(Phase.NORMAL, null, at);
            case FIRING -> rule.cleared(value) ? new State(Phase.NORMAL, null, at)
                    : new State(Phase.FIRING, state.since(), at);
        };
    }

    private static State pendingOrFiring(Rule rule, Instant since, Instant at) {
        boolean longEnough = !Duration.between(since, at).minusSeconds(rule.forSeconds()).isNegative();
        return new State(longEnough ? Phase.FIRING : Phase.PENDING, since, at);
    }
}
