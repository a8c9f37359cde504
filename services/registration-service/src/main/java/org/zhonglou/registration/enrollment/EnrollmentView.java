package org.zhonglou.registration.enrollment;

import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.registration.seats.LedgerStatus;

/** An enrollment together with its place in the ledger. */
record EnrollmentView(EnrollmentRecord record, EnrollmentStatus status, Integer waitlistPosition) {

    static EnrollmentView of(EnrollmentRecord record, LedgerStatus status) {
        return new EnrollmentView(record, status.status(), status.waitlistPosition());
    }
}
