package org.zhonglou.registration.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import org.zhonglou.registration.seats.SeatClaim;

/**
 * An enrollment as the service holds it, decrypted. Its place (status, waitlist position) is not here:
 * the programme's seat ledger is the one source of truth for that.
 */
public record EnrollmentRecord(String id, String programmeId, String guardianId, String childKey,
                               String fingerprint, String childName, LocalDate childDateOfBirth,
                               String guardianName, String guardianPhone, String guardianEmail, String language,
                               Instant consentGivenAt, String consentTextVersion, Instant createdAt) {

    public SeatClaim claim() {
        return new SeatClaim(id, childKey, guardianId);
    }
}
