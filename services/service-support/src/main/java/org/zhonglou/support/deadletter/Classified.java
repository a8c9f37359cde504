package org.zhonglou.support.deadletter;

import java.util.function.BooleanSupplier;
import org.zhonglou.support.messaging.ConsumerFailures;

/**
 * A consumer failure wrapped in a type that says what to do with it. The error handler keeps retry
 * state per record and starts a new back-off whenever the type of the failure changes, so a record that
 * failed while the store was away (retried without end) and then fails on its own merits (bounded, then
 * dead-lettered) is judged again each time. The original failure stays the cause; a batch listener's
 * index travels along in it.
 */
abstract sealed class Classified extends RuntimeException permits Classified.Transient, Classified.Poison,
        Classified.Suspect {

    Classified(Exception cause) {
        super(cause.getMessage(), cause, false, false);
    }

    /** Store or broker away, a timeout, contention: retried for as long as the outage lasts. */
    static final class Transient extends Classified {
        Transient(Exception cause) {
            super(cause);
        }
    }

    /** The record itself can never be handled: dead-lettered at once. */
    static final class Poison extends Classified {
        Poison(Exception cause) {
            super(cause);
        }
    }

    /** Anything else, seen while the store answers: a few more tries, then dead-lettered. */
    static final class Suspect extends Classified {
        Suspect(Exception cause) {
            super(cause);
        }
    }

    /**
     * Poison when the record says so, transient by type or when the store does not answer (an outage can
     * surface as an exception nobody listed), otherwise suspect.
     */
    static Classified of(Exception failure, BooleanSupplier storeReachable) {
        if (failure instanceof Classified classified) {
            return classified;
        }
        if (ConsumerFailures.isPoison(failure)) {
            return new Poison(failure);
        }
        if (ConsumerFailures.isTransient(failure) || !storeReachable.getAsBoolean()) {
            return new Transient(failure);
        }
        return new Suspect(failure);
    }
}
