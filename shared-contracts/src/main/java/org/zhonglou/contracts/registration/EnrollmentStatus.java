package org.zhonglou.contracts.registration;

public enum EnrollmentStatus {
    CONFIRMED,
    WAITLISTED,
    CANCELLED
}
