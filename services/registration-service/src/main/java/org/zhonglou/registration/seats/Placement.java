package org.zhonglou.registration.seats;

/** What trying to give an enrollment a place in the ledger came to. */
public record Placement(Outcome outcome, Integer waitlistPosition) {

    public enum Outcome {
        CONFIRMED, WAITLISTED, ALREADY_PLACED, ALREADY_CANCELLED, DUPLICATE_CHILD, GUARDIAN_LIMIT, FULL
    }

    static Placement of(Outcome outcome) {
        return new Placement(outcome, null);
    }

    static Placement waitlisted(int position) {
        return new Placement(Outcome.WAITLISTED, position);
    }

    /** True when this call changed the ledger (and recorded an event). */
    public boolean placedNow() {
        return outcome == Outcome.CONFIRMED || outcome == Outcome.WAITLISTED;
    }
}
