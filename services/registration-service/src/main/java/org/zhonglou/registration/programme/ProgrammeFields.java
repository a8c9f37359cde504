package org.zhonglou.registration.programme;

/**
 * Field names of a programme document. Besides its settings it holds the seat ledger (the source of
 * truth for who has a seat) and the outbox of events still to publish, so one atomic update changes both.
 */
public final class ProgrammeFields {

    public static final String COLLECTION = "programmes";
    public static final String SEATS_TAKEN = "seatsTaken";
    public static final String WAITLIST_LENGTH = "waitlistLength";
    /** enrollmentId -> confirmed at. */
    public static final String CONFIRMED = "confirmed";
    /** Ordered enrollment ids; position = index + 1, so removing one renumbers the rest for free. */
    public static final String WAITLIST = "waitlist";
    /** childKey -> enrollmentId of every child CONFIRMED or WAITLISTED. */
    public static final String CHILDREN = "children";
    /** enrollmentId -> cancelled at; an enrollment id is placed at most once, ever. */
    public static final String CANCELLED = "cancelled";
    /**
     * Hex SHA-256 of a guardian id (token subject) -> how many of that guardian's enrollments are
     * CONFIRMED or WAITLISTED. Hashed because a subject may hold characters a field name cannot.
     */
    public static final String GUARDIANS = "guardians";
    public static final String MAX_ACTIVE_PER_GUARDIAN = "maxActivePerGuardian";
    public static final String PURGED_AT = "personalDataPurgedAt";

    private ProgrammeFields() {
    }
}
