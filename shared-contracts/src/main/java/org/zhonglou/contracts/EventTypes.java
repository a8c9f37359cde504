package org.zhonglou.contracts;

/** CloudEvents {@code type} values, exactly as named in the public contract. */
public final class EventTypes {

    public static final String ENROLLMENT_CONFIRMED = "EnrollmentConfirmed";
    public static final String ENROLLMENT_WAITLISTED = "EnrollmentWaitlisted";
    public static final String ENROLLMENT_PROMOTED = "EnrollmentPromoted";
    public static final String ENROLLMENT_CANCELLED = "EnrollmentCancelled";

    public static final String READINGS_ACCEPTED = "ReadingsAccepted";

    public static final String ALERT_RAISED = "AlertRaised";
    public static final String ALERT_ESCALATED = "AlertEscalated";
    public static final String ALERT_ACKNOWLEDGED = "AlertAcknowledged";
    public static final String ALERT_RESOLVED = "AlertResolved";

    public static final String COMMAND_ISSUED = "CommandIssued";
    public static final String COMMAND_COMPLETED = "CommandCompleted";

    private EventTypes() {
    }
}
