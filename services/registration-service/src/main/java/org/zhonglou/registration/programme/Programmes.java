package org.zhonglou.registration.programme;

import static org.zhonglou.registration.programme.ProgrammeFields.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhonglou.support.outbox.OutboxEvent;

/** Programme documents: settings plus the empty seat ledger they start with. */
@Component
public class Programmes {

    private final MongoTemplate mongo;
    private final Map<String, Programme> settings = new ConcurrentHashMap<>();

    public Programmes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void create(Programme programme) {
        Document document = new Document("_id", programme.id())
                .append("name", programme.name()).append("community", programme.community())
                .append("location", programme.location())
                .append("startDate", programme.startDate().toString()).append("endDate", programme.endDate().toString())
                .append("dropOffTime", programme.dropOffTime())
                .append("minAge", programme.minAge()).append("maxAge", programme.maxAge())
                .append("capacity", programme.capacity()).append("waitlistCapacity", programme.waitlistCapacity())
                .append("signupOpensAt", Date.from(programme.signupOpensAt()))
                .append("signupClosesAt", Date.from(programme.signupClosesAt()))
                .append("createdAt", Date.from(programme.createdAt()))
                .append(MAX_ACTIVE_PER_GUARDIAN, programme.maxActivePerGuardian())
                .append(SEATS_TAKEN, 0).append(WAITLIST_LENGTH, 0)
                .append(CONFIRMED, new Document()).append(WAITLIST, new ArrayList<String>())
                .append(CHILDREN, new Document()).append(CANCELLED, new Document())
                .append(GUARDIANS, new Document())
                .append(OutboxEvent.FIELD, new ArrayList<Document>());
        mongo.insert(document, COLLECTION);
        settings.put(programme.id(), programme);
    }

    /** Settings only; cached because they never change after creation. */
    public Optional<Programme> settings(String id) {
        Programme cached = settings.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Query query = Query.query(Criteria.where("_id").is(id));
        excludeLedger(query);
        Document document = mongo.findOne(query, Document.class, COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        Programme programme = toProgramme(document);
        settings.put(id, programme);
        return Optional.of(programme);
    }

    public Optional<ProgrammeWithCounts> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        excludeLedger(query);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(Programmes::withCounts);
    }

    public List<ProgrammeWithCounts> all() {
        Query query = new Query().with(Sort.by("startDate", "_id"));
        excludeLedger(query);
        return mongo.find(query, Document.class, COLLECTION).stream().map(Programmes::withCounts).toList();
    }

    /** Programmes that ended before the given day and still hold personal data. */
    public List<Programme> endedBefore(LocalDate day) {
        Query query = Query.query(Criteria.where("endDate").lt(day.toString()).and(PURGED_AT).exists(false));
        excludeLedger(query);
        return mongo.find(query, Document.class, COLLECTION).stream().map(Programmes::toProgramme).toList();
    }

    private static void excludeLedger(Query query) {
        query.fields().exclude(CONFIRMED, WAITLIST, CHILDREN, CANCELLED, GUARDIANS, OutboxEvent.FIELD);
    }

    private static ProgrammeWithCounts withCounts(Document document) {
        return new ProgrammeWithCounts(toProgramme(document),
                new SeatCounts(document.getInteger(SEATS_TAKEN, 0), document.getInteger(WAITLIST_LENGTH, 0)));
    }

    static Programme toProgramme(Document d) {
        return new Programme(d.getString("_id"), d.getString("name"), d.getString("community"),
                d.getString("location"), LocalDate.parse(d.getString("startDate")),
                LocalDate.parse(d.getString("endDate")), d.getString("dropOffTime"), d.getInteger("minAge"),
                d.getInteger("maxAge"), d.getInteger("capacity"), d.getInteger("waitlistCapacity"),
                instant(d, "signupOpensAt"), instant(d, "signupClosesAt"), instant(d, "createdAt"),
                d.getInteger(MAX_ACTIVE_PER_GUARDIAN, Programme.DEFAULT_MAX_ACTIVE_PER_GUARDIAN));
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field).toInstant();
    }

    public record ProgrammeWithCounts(Programme programme, SeatCounts counts) {
    }
}
