package org.zhonglou.registration.seats;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.zhonglou.registration.programme.ProgrammeFields.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.support.outbox.OutboxEvent;
import org.zhonglou.support.refusal.Refusal;

/**
 * Cancellation. Cancelling a confirmed seat and promoting the head of the waitlist is one update,
 * conditioned on who the head is; if the head changed meanwhile, it re-reads and tries again.
 * ({@code $pop} removes the head, so the rest move up by one: positions stay 1..n without gaps.)
 */
@Component
public class SeatRelease {

    private static final Logger log = LoggerFactory.getLogger(SeatRelease.class);
    private static final int MAX_ROUNDS = 64;

    private final MongoTemplate mongo;
    private final Seats ledger;
    private final Clock clock;

    public SeatRelease(MongoTemplate mongo, Seats ledger, Clock clock) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Outcome: whether this call cancelled it, and which enrollment (if any) it promoted. */
    public record Release(boolean cancelledNow, String promotedEnrollmentId) {
    }

    /**
     * @param guardianOf finds the guardian id of an enrollment (for the promotion event)
     */
    public Release cancel(String programmeId, SeatClaim claim, UnaryOperator<String> guardianOf) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LedgerStatus status = ledger.status(programmeId, claim.enrollmentId());
            if (status.status() == null || status.status() == EnrollmentStatus.CANCELLED) {
                return new Release(false, null);
            }
            Instant now = clock.instant();
            Criteria filter = where("_id").is(programmeId);
            // The guardian's active count goes down with the place; a promotion moves a place, not a count.
            Update update = new Update().set(CANCELLED + "." + claim.enrollmentId(), Date.from(now))
                    .inc(GUARDIANS + "." + claim.guardianKey(), -1);
            // Under whichever key the child is recorded (a hash-key rotation may not have moved it yet).
            claim.allChildKeys().forEach(key -> update.unset(CHILDREN + "." + key));
            Document cancelled = EnrollmentEvents.cancelled(programmeId, claim.enrollmentId(), claim.guardianId(), now);
            String promoted = null;
            if (status.status() == EnrollmentStatus.WAITLISTED) {
                filter.and(WAITLIST).is(claim.enrollmentId());
                update.pull(WAITLIST, claim.enrollmentId()).inc(WAITLIST_LENGTH, -1).push(OutboxEvent.FIELD, cancelled);
            } else if (status.waitlist().isEmpty()) {
                filter.and(CONFIRMED + "." + claim.enrollmentId()).exists(true).and(WAITLIST_LENGTH).is(0);
                update.unset(CONFIRMED + "." + claim.enrollmentId()).inc(SEATS_TAKEN, -1)
                        .push(OutboxEvent.FIELD, cancelled);
            } else {
                promoted = status.waitlist().get(0);
                filter.and(CONFIRMED + "." + claim.enrollmentId()).exists(true).and(WAITLIST + ".0").is(promoted);
                update.unset(CONFIRMED + "." + claim.enrollmentId()).set(CONFIRMED + "." + promoted, Date.from(now))
                        .pop(WAITLIST, Update.Position.FIRST).inc(WAITLIST_LENGTH, -1)
                        .push(OutboxEvent.FIELD).each(cancelled,
                                EnrollmentEvents.promoted(programmeId, promoted, guardianOf.apply(promoted), now));
            }
            if (mongo.updateFirst(Query.query(filter), update, COLLECTION).getModifiedCount() == 1) {
                clampGuardianCount(programmeId, claim);
                ledger.released(programmeId);
                log.info("Cancelled enrollment {} of programme {}; promoted {}", claim.enrollmentId(), programmeId,
                        promoted);
                return new Release(true, promoted);
            }
        }
        throw Refusal.unavailable("The programme is too busy right now; please retry.", java.time.Duration.ofSeconds(1));
    }

    /**
     * Enrollments placed before guardians were counted were never added, so cancelling one takes the count
     * below zero, which would let that guardian hold one place too many. Back to zero at once.
     */
    private void clampGuardianCount(String programmeId, SeatClaim claim) {
        String field = GUARDIANS + "." + claim.guardianKey();
        mongo.updateFirst(Query.query(where("_id").is(programmeId).and(field).lt(0)), new Update().set(field, 0),
                COLLECTION);
    }
}
