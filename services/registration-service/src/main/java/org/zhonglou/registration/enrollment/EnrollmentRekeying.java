package org.zhonglou.registration.enrollment;

import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.registration.privacy.PiiCipher;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.registration.seats.LedgerMembers;
import org.zhonglou.support.keys.RekeyJob;

/**
 * One enrollment under the current keys: its encrypted fields re-encrypted, its child key re-hashed.
 * The child key lives in two documents (the enrollment, and the programme's ledger while the child holds
 * a place), so it moves in two conditional updates, ledger first: a pass stopped between them leaves the
 * enrollment under the old key, and the next pass finishes the move (the ledger step then finds nothing
 * to do). Cancellation removes the child under every key it may have ({@code EnrollmentRecord#claim}),
 * so a half-moved child never keeps a place.
 */
final class EnrollmentRekeying {

    /** The encrypted fields, as paths in the document. */
    private static final List<String> ENCRYPTED = List.of("child.fullName", "child.dateOfBirth", "guardian.fullName",
            "guardian.phone", "guardian.email");

    private final LedgerMembers members;
    private final PiiCipher cipher;
    private final PiiHasher hasher;
    private final MongoTemplate mongo;

    EnrollmentRekeying(LedgerMembers members, PiiCipher cipher, PiiHasher hasher, MongoTemplate mongo) {
        this.members = members;
        this.cipher = cipher;
        this.hasher = hasher;
        this.mongo = mongo;
    }

    RekeyJob.Outcome rekey(Document document) {
        String id = document.getString("_id");
        String storedKey = document.getString("childKey");
        Criteria asRead = Criteria.where("_id").is(id).and("childKey").is(storedKey);
        Update update = new Update();
        String childKey;
        try {
            String name = cipher.decrypt(value(document, "child.fullName"), id);
            String born = cipher.decrypt(value(document, "child.dateOfBirth"), id);
            if (name == null || born == null) {
                return RekeyJob.Outcome.UNREADABLE;
            }
            childKey = hasher.childKey(name, LocalDate.parse(born));
            for (String path : ENCRYPTED) {
                String sealed = value(document, path);
                asRead.and(path).is(sealed);
                if (!cipher.isCurrent(sealed)) {
                    update.set(path, cipher.encrypt(cipher.decrypt(sealed, id), id));
                }
            }
        } catch (IllegalStateException noConfiguredKeyOpensIt) {
            return RekeyJob.Outcome.UNREADABLE;
        }
        boolean rehash = !childKey.equals(storedKey);
        if (!rehash && update.getUpdateObject().isEmpty()) {
            return RekeyJob.Outcome.CURRENT;
        }
        if (rehash) {
            members.rekeyChild(document.getString("programmeId"), id, storedKey, childKey);
            update.set("childKey", childKey);
        }
        return mongo.updateFirst(Query.query(asRead), update, EnrollmentRecords.COLLECTION).getModifiedCount() == 1
                ? RekeyJob.Outcome.REWRITTEN : RekeyJob.Outcome.CONFLICT;
    }

    private static String value(Document document, String path) {
        String[] parts = path.split("\\.");
        Document parent = document.get(parts[0], Document.class);
        return parent == null ? null : parent.getString(parts[1]);
    }
}
