package org.zhonglou.registration.seats;

import static org.zhonglou.registration.programme.ProgrammeFields.*;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Who holds a place in a programme: for the roster, the purge that forgets them and a hash-key rotation. */
@Component
public class LedgerMembers {

    private final MongoTemplate mongo;

    public LedgerMembers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Confirmed(String enrollmentId, Instant confirmedAt) {
    }

    /** Confirmed enrollments in the order they got their seat, and the waitlist in position order. */
    public record Members(List<Confirmed> confirmed, List<String> waitlist) {
    }

    public Members of(String programmeId) {
        Query query = Query.query(Criteria.where("_id").is(programmeId));
        query.fields().include(CONFIRMED, WAITLIST);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            return new Members(List.of(), List.of());
        }
        List<Confirmed> confirmed = Seats.sub(doc, CONFIRMED).entrySet().stream()
                .map(entry -> new Confirmed(entry.getKey(), ((Date) entry.getValue()).toInstant()))
                .sorted(Comparator.comparing(Confirmed::confirmedAt).thenComparing(Confirmed::enrollmentId))
                .toList();
        return new Members(confirmed, doc.getList(WAITLIST, String.class, List.of()));
    }

    public java.util.Set<String> cancelledIds(String programmeId) {
        Query query = Query.query(Criteria.where("_id").is(programmeId));
        query.fields().include(CANCELLED);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return doc == null ? java.util.Set.of() : Seats.sub(doc, CANCELLED).keySet();
    }

    /**
     * Replaces the ledger's member lists (opaque ids, children's keyed hashes, guardians' counts) by anonymous counts;
     * the seat and waitlist counters stay as they were.
     */
    public void forget(String programmeId, Instant now) {
        Document doc = mongo.findById(programmeId, Document.class, COLLECTION);
        if (doc == null) {
            return;
        }
        Document counts = new Document("confirmed", Seats.sub(doc, CONFIRMED).size())
                .append("waitlisted", doc.getList(WAITLIST, String.class, List.of()).size())
                .append("cancelled", Seats.sub(doc, CANCELLED).size());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(programmeId)), new Update()
                .set(CONFIRMED, new Document()).set(WAITLIST, List.of()).set(CHILDREN, new Document())
                .set(CANCELLED, new Document()).set(GUARDIANS, new Document()).set("finalCounts", counts).set(PURGED_AT, Date.from(now)),
                COLLECTION);
    }

    /**
     * Moves a child's place from one keyed hash to another (a hash-key rotation), if {@code enrollmentId}
     * still holds it under {@code from} and nothing holds {@code to}: one conditional update.
     */
    public boolean rekeyChild(String programmeId, String enrollmentId, String from, String to) {
        Query query = Query.query(Criteria.where("_id").is(programmeId).and(CHILDREN + "." + from).is(enrollmentId)
                .and(CHILDREN + "." + to).exists(false));
        Update update = new Update().unset(CHILDREN + "." + from).set(CHILDREN + "." + to, enrollmentId);
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() == 1;
    }
}
