package org.zhonglou.registration.enrollment;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.registration.programme.ProgrammeFields;
import org.zhonglou.registration.seats.LedgerStatus;
import org.zhonglou.registration.seats.Seats;
import org.zhonglou.registration.seats.SeatRelease;
import org.zhonglou.support.outbox.OutboxRelay;
import org.zhonglou.support.refusal.Refusal;

/**
 * Reading and cancelling enrollments. A parent reaches only their own (anything else is 404, as if it
 * did not exist); staff reach all. An enrollment without a place in the ledger is not shown at all.
 */
@Service
class EnrollmentService {

    private final EnrollmentRecords store;
    private final Seats ledger;
    private final SeatRelease release;
    private final OutboxRelay relay;
    private final PiiHasher hasher;

    EnrollmentService(EnrollmentRecords store, Seats ledger, SeatRelease release, OutboxRelay relay, PiiHasher hasher) {
        this.store = store;
        this.ledger = ledger;
        this.release = release;
        this.relay = relay;
        this.hasher = hasher;
    }

    EnrollmentView get(String id, Authentication caller) {
        EnrollmentRecord record = visibleRecord(id, caller);
        LedgerStatus status = ledger.status(record.programmeId(), id);
        if (!status.placed()) {
            throw notFound(id);
        }
        return EnrollmentView.of(record, status);
    }

    List<EnrollmentView> mine(String guardianId) {
        return store.findAll(store.idsOf(guardianId)).stream()
                .filter(record -> record.guardianId().equals(guardianId))
                .map(record -> EnrollmentView.of(record, ledger.status(record.programmeId(), record.id())))
                .filter(view -> view.status() != null)
                .sorted(Comparator.comparing((EnrollmentView view) -> view.record().createdAt()).reversed())
                .toList();
    }

    EnrollmentView cancel(String id, Authentication caller) {
        EnrollmentRecord record = visibleRecord(id, caller);
        if (!ledger.status(record.programmeId(), id).placed()) {
            throw notFound(id);
        }
        SeatRelease.Release result = release.cancel(record.programmeId(), record.claim(hasher), store::guardianOf);
        if (result.cancelledNow()) {
            relay.relaySoon(ProgrammeFields.COLLECTION, record.programmeId());
        }
        return EnrollmentView.of(record, ledger.status(record.programmeId(), id));
    }

    private EnrollmentRecord visibleRecord(String id, Authentication caller) {
        EnrollmentRecord record = store.find(id).orElseThrow(() -> notFound(id));
        boolean staff = caller.getAuthorities().stream().anyMatch(a -> "ROLE_STAFF".equals(a.getAuthority()));
        if (!staff && !record.guardianId().equals(((Jwt) caller.getPrincipal()).getSubject())) {
            throw notFound(id);
        }
        return record;
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("No enrollment " + id + ".");
    }
}
