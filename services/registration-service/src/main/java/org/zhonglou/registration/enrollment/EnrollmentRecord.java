package org.zhonglou.registration.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.registration.seats.SeatClaim;

/**
 * An enrollment as the service holds it, decrypted. Its place (status, waitlist position) is not here:
 * the programme's seat ledger is the one source of truth for that.
 */
public record EnrollmentRecord(String id, String programmeId, String guardianId, String childKey,
                               String fingerprint, String childName, LocalDate childDateOfBirth,
                               String guardianName, String guardianPhone, String guardianEmail, String language,
                               Instant consentGivenAt, String consentTextVersion, Instant createdAt) {

    /**
     * Its claim on the ledger: the child under the current hash key, and under every other key it may be
     * recorded with during a rotation (the older keys, and the key stored with this enrollment).
     */
    public SeatClaim claim(PiiHasher hasher) {
        List<String> keys = hasher.childKeys(childName, childDateOfBirth);
        List<String> aliases = new ArrayList<>(keys.subList(1, keys.size()));
        aliases.add(childKey);
        return new SeatClaim(id, keys.get(0), guardianId, aliases);
    }
}
