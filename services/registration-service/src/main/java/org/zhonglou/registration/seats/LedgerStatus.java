package org.zhonglou.registration.seats;

import java.util.List;
import org.zhonglou.contracts.registration.EnrollmentStatus;

/**
 * An enrollment's place as the ledger sees it. {@code status} is null while the enrollment has no place
 * (its sign-up is still running, crashed before placing it, or was refused).
 */
public record LedgerStatus(EnrollmentStatus status, Integer waitlistPosition, List<String> waitlist) {

    public boolean placed() {
        return status != null;
    }
}
