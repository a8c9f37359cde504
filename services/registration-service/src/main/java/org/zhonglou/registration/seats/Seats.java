package org.zhonglou.registration.seats;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.zhonglou.registration.programme.ProgrammeFields.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.registration.programme.Programme;
import org.zhonglou.support.outbox.OutboxEvent;
import org.zhonglou.support.refusal.Refusal;

/**
 * The seat ledger inside the programme document. Every change is ONE conditional update of that one
 * document, carrying its event into the outbox: the condition is re-checked by the store at the moment
 * of writing, so racing requests, on any number of instances, can never overbook, and a crash leaves
 * either the whole change or none of it.
 */
@Component
public class Seats {

    private static final int MAX_ROUNDS = 64;
    /** How long "every seat and waitlist place is taken" is believed without asking the store again. */
    private static final long FULL_HINT_NANOS = Duration.ofSeconds(1).toNanos();

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WaitlistGate gate = new WaitlistGate();
    /** Programme id -> System.nanoTime() until which it is believed full. */
    private final Map<String, Long> fullUntil = new ConcurrentHashMap<>();

    public Seats(MongoTemplate mongo, Clock clock) {
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
            String holder = holder(now.get(CHILDREN, Document.class), claim);
            if (holder != null) {
                return Placement.of(holder.equals(claim.enrollmentId())
                        ? Placement.Outcome.ALREADY_PLACED : Placement.Outcome.DUPLICATE_CHILD);
            }
            if (now.get(CANCELLED, Document.class).containsKey(claim.enrollmentId())) {
                return Placement.of(Placement.Outcome.ALREADY_CANCELLED);
            }
            if (now.get(GUARDIANS, Document.class).getInteger(claim.guardianKey(), 0)
                    >= programme.maxActivePerGuardian()) {
                return Placement.of(Placement.Outcome.GUARDIAN_LIMIT);
            }
            if (now.getInteger(SEATS_TAKEN) < programme.capacity()) {
                if (tryConfirm(programme, claim)) {
                    return Placement.of(Placement.Outcome.CONFIRMED);
                }
                continue;
            }
            if (now.getInteger(WAITLIST_LENGTH) >= programme.waitlistCapacity()) {
                fullUntil.put(programme.id(), System.nanoTime() + FULL_HINT_NANOS);
                return Placement.of(Placement.Outcome.FULL);
            }
            Integer position = gate.tryAt(programme.id(), now.getInteger(WAITLIST_LENGTH),
                    programme.waitlistCapacity(), claim, (length, claims) -> tryWaitlist(programme, claims, length));
            if (position != null) {
                return Placement.waitlisted(position);
            }
        }
        throw Refusal.unavailable("The programme is too busy right now; please retry.", java.time.Duration.ofSeconds(1));
    }

    /**
     * Whether every seat and waitlist place looked taken a moment ago. Only a shortcut for the many
     * requests of a rush that arrive after the last place is gone (the conditional updates decide), so
     * a full programme is believed for a second without asking the store: a place freed by a
     * cancellation on another instance is offered a second later, as if the request had come earlier.
     */
    public boolean looksFull(Programme programme) {
        Long until = fullUntil.get(programme.id());
        if (until != null && System.nanoTime() - until < 0) {
            return true;
        }
        Query query = Query.query(where("_id").is(programme.id()));
        query.fields().include(SEATS_TAKEN, WAITLIST_LENGTH);
        Document counts = mongo.findOne(query, Document.class, COLLECTION);
        boolean full = counts != null && counts.getInteger(SEATS_TAKEN, 0) >= programme.capacity()
                && counts.getInteger(WAITLIST_LENGTH, 0) >= programme.waitlistCapacity();
        if (full) {
            fullUntil.put(programme.id(), System.nanoTime() + FULL_HINT_NANOS);
        }
        return full;
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

    /** Which of these enrollments of the programme hold or held a place (confirmed, waitlisted or cancelled). */
    public Set<String> placedAmong(String programmeId, Collection<String> enrollmentIds) {
        Query query = Query.query(where("_id").is(programmeId));
        query.fields().include(WAITLIST);
        enrollmentIds.forEach(id -> query.fields().include(CONFIRMED + "." + id).include(CANCELLED + "." + id));
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            return Set.of();
        }
        Set<String> waitlisted = Set.copyOf(doc.getList(WAITLIST, String.class, List.of()));
        Document confirmed = sub(doc, CONFIRMED);
        Document cancelled = sub(doc, CANCELLED);
        return enrollmentIds.stream()
                .filter(id -> confirmed.containsKey(id) || cancelled.containsKey(id) || waitlisted.contains(id))
                .collect(Collectors.toSet());
    }

    private boolean tryConfirm(Programme programme, SeatClaim claim) {
        Criteria condition = where("_id").is(programme.id()).and(SEATS_TAKEN).lt(programme.capacity())
                .and(CANCELLED + "." + claim.enrollmentId()).exists(false);
        claim.allChildKeys().forEach(key -> condition.and(CHILDREN + "." + key).exists(false));
        underGuardianLimit(condition, programme, claim);
        Instant now = clock.instant();
        Update update = new Update().inc(SEATS_TAKEN, 1).inc(GUARDIANS + "." + claim.guardianKey(), 1)
                .set(CONFIRMED + "." + claim.enrollmentId(), Date.from(now))
                .set(CHILDREN + "." + claim.childKey(), claim.enrollmentId())
                .push(OutboxEvent.FIELD, EnrollmentEvents.confirmed(programme.id(), claim, now));
        return mongo.updateFirst(Query.query(condition), update, COLLECTION).getModifiedCount() == 1;
    }

    /** Appends {@code claims} to the waitlist in one update, if its length is still {@code currentLength}. */
    private boolean tryWaitlist(Programme programme, List<SeatClaim> claims, int currentLength) {
        Criteria condition = where("_id").is(programme.id()).and(SEATS_TAKEN).gte(programme.capacity())
                .and(WAITLIST_LENGTH).is(currentLength);
        Instant now = clock.instant();
        Update update = new Update().inc(WAITLIST_LENGTH, claims.size());
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            SeatClaim claim = claims.get(i);
            claim.allChildKeys().forEach(key -> condition.and(CHILDREN + "." + key).exists(false));
            condition.and(CANCELLED + "." + claim.enrollmentId()).exists(false);
            // The gate puts at most one claim per guardian in a batch, so one increment each.
            underGuardianLimit(condition, programme, claim);
            update.inc(GUARDIANS + "." + claim.guardianKey(), 1);
            update.set(CHILDREN + "." + claim.childKey(), claim.enrollmentId());
            events.add(EnrollmentEvents.waitlisted(programme.id(), claim, currentLength + i + 1, now));
        }
        update.push(WAITLIST).each(claims.stream().map(SeatClaim::enrollmentId).toArray());
        update.push(OutboxEvent.FIELD).each(events.toArray());
        return mongo.updateFirst(Query.query(condition), update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * The guardian's active count is checked by the store in the same conditional update that places the
     * child, so two simultaneous sign-ups by one parent cannot both pass the limit (a missing count is 0).
     */
    private static void underGuardianLimit(Criteria condition, Programme programme, SeatClaim claim) {
        condition.and(GUARDIANS + "." + claim.guardianKey()).not().gte(programme.maxActivePerGuardian());
    }

    private Document readForPlacement(String programmeId, SeatClaim claim) {
        Query query = Query.query(where("_id").is(programmeId));
        query.fields().include(SEATS_TAKEN, WAITLIST_LENGTH, CANCELLED + "." + claim.enrollmentId(),
                GUARDIANS + "." + claim.guardianKey());
        claim.allChildKeys().forEach(key -> query.fields().include(CHILDREN + "." + key));
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            throw Refusal.notFound("No programme " + programmeId + ".");
        }
        doc.putIfAbsent(CHILDREN, new Document());
        doc.putIfAbsent(CANCELLED, new Document());
        doc.putIfAbsent(GUARDIANS, new Document());
        return doc;
    }

    /** Which enrollment holds this child's place, under any of its keys; null if none. */
    private static String holder(Document children, SeatClaim claim) {
        return claim.allChildKeys().stream().map(children::getString).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    static Document sub(Document doc, String field) {
        Document sub = doc.get(field, Document.class);
        return sub == null ? new Document() : sub;
    }

    /** After a release by this instance: the cached waitlist length and fullness no longer hold. */
    void released(String programmeId) {
        fullUntil.remove(programmeId);
        gate.forget(programmeId);
    }
}
