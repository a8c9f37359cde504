package org.zhonglou.registration.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.registration.RegistrationProperties;
import org.zhonglou.registration.privacy.Names;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.registration.programme.Programme;
import org.zhonglou.registration.programme.ProgrammeFields;
import org.zhonglou.registration.programme.Programmes;
import org.zhonglou.registration.seats.LedgerStatus;
import org.zhonglou.registration.seats.Placement;
import org.zhonglou.registration.seats.Seats;
import org.zhonglou.support.outbox.OutboxRelay;
import org.zhonglou.support.refusal.Refusal;

/**
 * A parent's sign-up. Step 1 stores the enrollment (PII encrypted) under an id derived from guardian and
 * Idempotency-Key; step 2 is one conditional update of the programme's ledger (seat or waitlist place
 * plus its event). A crash between the steps leaves a document without a place: invisible, holding no
 * seat, and completed by the client's retry with the same key, which finds the same id.
 */
@Service
class SignUp {

    private static final Logger log = LoggerFactory.getLogger(SignUp.class);

    private final Programmes programmes;
    private final EnrollmentRecords enrollments;
    private final Seats ledger;
    private final PiiHasher hasher;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String consentTextVersion;

    SignUp(Programmes programmes, EnrollmentRecords enrollments, Seats ledger, PiiHasher hasher,
           OutboxRelay relay, Clock clock, RegistrationProperties properties) {
        this.programmes = programmes;
        this.enrollments = enrollments;
        this.ledger = ledger;
        this.hasher = hasher;
        this.relay = relay;
        this.clock = clock;
        this.consentTextVersion = properties.consentTextVersion();
    }

    record Result(EnrollmentView view, boolean created) {
    }

    Result enroll(String programmeId, String guardianId, String idempotencyKey, EnrollmentRequest request) {
        Programme programme = programmes.settings(programmeId)
                .orElseThrow(() -> Refusal.notFound("No programme " + programmeId + "."));
        // Current key first; during a hash-key rotation also the ids and fingerprints under older keys, so a
        // retry of a request made before the rotation still finds its first attempt.
        List<String> ids = hasher.enrollmentIds(guardianId, idempotencyKey);
        List<String> fingerprints = hasher.fingerprints(request.canonical(programmeId));
        String id = ids.get(0);
        Instant now = clock.instant();
        Optional<Refusal> violation = EnrollmentRules.violation(programme, request.child().dateOfBirth(),
                request.consentGiven(), now);
        if (violation.isPresent()) {
            // A replay of an accepted request stays a replay even after the window has closed.
            EnrollmentRecord earlier = sameRequest(enrollments.findFirst(ids).orElseThrow(violation::get),
                    fingerprints);
            LedgerStatus status = ledger.status(programmeId, earlier.id());
            if (!status.placed()) {
                throw violation.get();
            }
            return new Result(EnrollmentView.of(earlier, status), false);
        }
        if (ledger.looksFull(programme) && enrollments.findFirst(ids).isEmpty()) {
            // Most of a rush arrives after the last place is gone: refuse those without writing anything.
            // Only a shortcut: the conditional update of the ledger below is what decides.
            throw programmeFull();
        }
        Optional<EnrollmentRecord> beforeRotation = enrollments.findFirst(ids.subList(1, ids.size()));
        if (beforeRotation.isPresent()) {
            return place(programme, sameRequest(beforeRotation.get(), fingerprints));
        }
        EnrollmentRecord record = new EnrollmentRecord(id, programmeId, guardianId,
                hasher.childKey(request.child().fullName(), request.child().dateOfBirth()), fingerprints.get(0),
                Names.clean(request.child().fullName()), request.child().dateOfBirth(),
                Names.clean(request.guardian().fullName()),
                request.guardian().phone().strip(), request.guardian().email().strip(),
                request.guardian().languageOrDefault(), now, consentTextVersion, now);
        try {
            enrollments.insert(record);
        } catch (DuplicateKeyException e) {
            record = sameRequest(enrollments.find(id).orElseThrow(() -> e), fingerprints);
        }
        return place(programme, record);
    }

    private Result place(Programme programme, EnrollmentRecord record) {
        Placement placement = ledger.place(programme, record.claim(hasher));
        switch (placement.outcome()) {
            case CONFIRMED, WAITLISTED -> {
                enrollments.remember(record.guardianId(), record.id());
                relay.relaySoon(ProgrammeFields.COLLECTION, programme.id());
                log.info("Enrollment {} {} in programme {}", record.id(), placement.outcome(), programme.id());
                EnrollmentStatus status = placement.outcome() == Placement.Outcome.CONFIRMED
                        ? EnrollmentStatus.CONFIRMED : EnrollmentStatus.WAITLISTED;
                return new Result(new EnrollmentView(record, status, placement.waitlistPosition()), true);
            }
            case ALREADY_PLACED, ALREADY_CANCELLED -> {
                enrollments.remember(record.guardianId(), record.id());
                return new Result(EnrollmentView.of(record, ledger.status(programme.id(), record.id())), false);
            }
            case DUPLICATE_CHILD -> throw Refusal.conflict("duplicate-child", "Child already signed up",
                    "This child is already confirmed or waitlisted in this programme.");
            case GUARDIAN_LIMIT -> throw Refusal.conflict("guardian-limit", "Too many active sign-ups",
                    "You already hold " + programme.maxActivePerGuardian() + " active enrollments in this programme, "
                            + "its limit per guardian; cancel one to sign another child up.");
            default -> throw programmeFull();
        }
    }

    private static Refusal programmeFull() {
        return Refusal.conflict("programme-full", "Programme full",
                "All seats and all waitlist places of this programme are taken.");
    }

    private static EnrollmentRecord sameRequest(EnrollmentRecord earlier, List<String> fingerprints) {
        if (!fingerprints.contains(earlier.fingerprint())) {
            throw Refusal.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request; use a new key.");
        }
        return earlier;
    }
}
