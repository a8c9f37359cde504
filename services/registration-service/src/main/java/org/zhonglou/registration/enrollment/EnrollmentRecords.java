package org.zhonglou.registration.enrollment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.registration.privacy.PiiCipher;

/**
 * Enrollment documents. Child name and birth date and the guardian's name, phone and e-mail are stored
 * encrypted field by field; the child is found again only through its keyed hash ({@code childKey}).
 * Each guardian also has a small index document listing their enrollment ids, so "my enrollments" is a
 * point read rather than a scan.
 */
@Component
public class EnrollmentRecords {

    static final String COLLECTION = "enrollments";
    static final String BY_GUARDIAN = "guardianEnrollments";

    private final MongoTemplate mongo;
    private final PiiCipher cipher;

    public EnrollmentRecords(MongoTemplate mongo, PiiCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when this id (guardian + key) exists already */
    void insert(EnrollmentRecord r) {
        String id = r.id();
        Document document = new Document("_id", id).append("programmeId", r.programmeId())
                .append("guardianId", r.guardianId()).append("childKey", r.childKey())
                .append("fingerprint", r.fingerprint())
                .append("child", new Document("fullName", cipher.encrypt(r.childName(), id))
                        .append("dateOfBirth", cipher.encrypt(r.childDateOfBirth().toString(), id)))
                .append("guardian", new Document("fullName", cipher.encrypt(r.guardianName(), id))
                        .append("phone", cipher.encrypt(r.guardianPhone(), id))
                        .append("email", cipher.encrypt(r.guardianEmail(), id))
                        .append("language", r.language()))
                .append("consent", new Document("givenAt", Date.from(r.consentGivenAt()))
                        .append("textVersion", r.consentTextVersion()))
                .append("createdAt", Date.from(r.createdAt()));
        mongo.insert(document, COLLECTION);
    }

    public Optional<EnrollmentRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::toRecord);
    }

    /** The first of {@code ids} that exists (point reads in order: the current key's id comes first). */
    Optional<EnrollmentRecord> findFirst(List<String> ids) {
        for (String id : ids) {
            Optional<EnrollmentRecord> found = find(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public List<EnrollmentRecord> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(this::toRecord).toList();
    }

    public String guardianOf(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("guardianId");
        Document document = mongo.findOne(query, Document.class, COLLECTION);
        return document == null ? "unknown" : document.getString("guardianId");
    }

    void remember(String guardianId, String enrollmentId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(guardianId)),
                new Update().addToSet("enrollmentIds", enrollmentId), BY_GUARDIAN);
    }

    List<String> idsOf(String guardianId) {
        Document document = mongo.findById(guardianId, Document.class, BY_GUARDIAN);
        return document == null ? List.of() : document.getList("enrollmentIds", String.class, List.of());
    }

    /** Removes every enrollment of the programme (the purge); returns how many. */
    public long deleteByProgramme(String programmeId) {
        return mongo.remove(Query.query(Criteria.where("programmeId").is(programmeId)), COLLECTION)
                .getDeletedCount();
    }

    private EnrollmentRecord toRecord(Document d) {
        String id = d.getString("_id");
        Document child = d.get("child", Document.class);
        Document guardian = d.get("guardian", Document.class);
        Document consent = d.get("consent", Document.class);
        return new EnrollmentRecord(id, d.getString("programmeId"), d.getString("guardianId"),
                d.getString("childKey"), d.getString("fingerprint"),
                cipher.decrypt(child.getString("fullName"), id),
                LocalDate.parse(cipher.decrypt(child.getString("dateOfBirth"), id)),
                cipher.decrypt(guardian.getString("fullName"), id), cipher.decrypt(guardian.getString("phone"), id),
                cipher.decrypt(guardian.getString("email"), id), guardian.getString("language"),
                consent.getDate("givenAt").toInstant(), consent.getString("textVersion"),
                d.getDate("createdAt").toInstant());
    }
}
