package org.zhonglou.registration.seats;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.zhonglou.registration.programme.ProgrammeFields.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.registration.programme.Programme;
import org.zhonglou.support.outbox.OutboxEvent;
import org.zhonglou.support.web.ApiProblem;

/**
 * The seat ledger inside the programme document. Every change is ONE conditional update of that one
 * document, carrying its event into the outbox: the condition is re-checked by the store at the moment
 * of writing, so racing requests, on any number of instances, can never overbook, and a crash leaves
 * either the whole change or none of it.
 */
@Component
public class SeatLedger {

    private static final int MAX_ROUNDS = 64;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WaitlistGate gate = new WaitlistGate();

    public SeatLedger(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Confirms if a seat is free, else waitlists if there is room, else says why not. */
    public Placement place(Programme programme, SeatClaim claim) {
        if (tryConfirm(programme, claim)) {
            return Placement.of(Placement.Outcome.CONFIRMED);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Document now = readForPlacement(programme.id(), claim);
            String holder = now.get(CHILDREN, Document.class).getString(claim.childKey());
            if (holder != null) {
                return Placement.of(holder.equals(claim.enrollmentId())
                        ? Placement.Outcome.ALREADY_PLACED : Placement.Outcome.DUPLICATE_CHILD);
            }
            if (now.get(CANCELLED, Document.class).containsKey(claim.enrollmentId())) {
                return Placement.of(Placement.Outcome.ALREADY_CANCELLED);
            }
            if (now.getInteger(SEATS_TAKEN) < programme.capacity()) {
                if (tryConfirm(programme, claim)) {
                    return Placement.of(Placement.Outcome.CONFIRMED);
                }
                continue;
            }
            if (now.getInteger(WAITLIST_LENGTH) >= programme.waitlistCapacity()) {
                return Placement.of(Placement.Outcome.FULL);
            }
            Integer position = gate.tryAt(programme.id(), now.getInteger(WAITLIST_LENGTH),
                    programme.waitlistCapacity(), length -> tryWaitlist(programme, claim, length));
            if (position != null) {
                return Placement.waitlisted(position);
            }
        }
        throw ApiProblem.unavailable("The programme is too busy right now; please retry.", java.time.Duration.ofSeconds(1));
    }

    /** Where the enrollment stands now; the waitlist gives positions (index + 1). */
    public LedgerStatus status(String programmeId, String enrollmentId) {
        Query query = Query.query(where("_id").is(programmeId));
        query.fields().include(CONFIRMED + "." + enrollmentId, CANCELLED + "." + enrollmentId, WAITLIST);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            return new LedgerStatus(null, null, List.of());
        }
        List<String> waitlist = doc.getList(WAITLIST, String.class, List.of());
        if (sub(doc, CONFIRMED).containsKey(enrollmentId)) {
            return new LedgerStatus(EnrollmentStatus.CONFIRMED, null, waitlist);
        }
        int index = waitlist.indexOf(enrollmentId);
        if (index >= 0) {
            return new LedgerStatus(EnrollmentStatus.WAITLISTED, index + 1, waitlist);
        }
        if (sub(doc, CANCELLED).containsKey(enrollmentId)) {
            return new LedgerStatus(EnrollmentStatus.CANCELLED, null, waitlist);
        }
        return new LedgerStatus(null, null, waitlist);
    }

    private boolean tryConfirm(Programme programme, SeatClaim claim) {
        Query query = Query.query(where("_id").is(programme.id()).and(SEATS_TAKEN).lt(programme.capacity())
                .and(CHILDREN + "." + claim.childKey()).exists(false)
                .and(CANCELLED + "." + claim.enrollmentId()).exists(false));
        Instant now = clock.instant();
        Update update = new Update().inc(SEATS_TAKEN, 1)
                .set(CONFIRMED + "." + claim.enrollmentId(), Date.from(now))
                .set(CHILDREN + "." + claim.childKey(), claim.enrollmentId())
                .push(OutboxEvent.FIELD, EnrollmentEvents.confirmed(programme.id(), claim, now));
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() == 1;
    }

    private boolean tryWaitlist(Programme programme, SeatClaim claim, int currentLength) {
        Query query = Query.query(where("_id").is(programme.id()).and(SEATS_TAKEN).gte(programme.capacity())
                .and(WAITLIST_LENGTH).is(currentLength)
                .and(CHILDREN + "." + claim.childKey()).exists(false)
                .and(CANCELLED + "." + claim.enrollmentId()).exists(false));
        Instant now = clock.instant();
        Update update = new Update().inc(WAITLIST_LENGTH, 1)
                .push(WAITLIST, claim.enrollmentId())
                .set(CHILDREN + "." + claim.childKey(), claim.enrollmentId())
                .push(OutboxEvent.FIELD, EnrollmentEvents.waitlisted(programme.id(), claim, currentLength + 1, now));
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() == 1;
    }

    private Document readForPlacement(String programmeId, SeatClaim claim) {
        Query query = Query.query(where("_id").is(programmeId));
        query.fields().include(SEATS_TAKEN, WAITLIST_LENGTH, CHILDREN + "." + claim.childKey(),
                CANCELLED + "." + claim.enrollmentId());
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            throw ApiProblem.notFound("No programme " + programmeId + ".");
        }
        doc.putIfAbsent(CHILDREN, new Document());
        doc.putIfAbsent(CANCELLED, new Document());
        return doc;
    }

    static Document sub(Document doc, String field) {
        Document sub = doc.get(field, Document.class);
        return sub == null ? new Document() : sub;
    }

    void forgetWaitlistLength(String programmeId) {
        gate.forget(programmeId);
    }
}
