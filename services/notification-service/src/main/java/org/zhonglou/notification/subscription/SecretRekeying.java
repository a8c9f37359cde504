package org.zhonglou.notification.subscription;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.support.keys.RekeyJob;

/** One subscription's signing secret under the current key: one conditional update on the value as read. */
final class SecretRekeying {

    private static final String FIELD = "encryptedSecret";

    private final SecretCipher cipher;
    private final MongoTemplate mongo;

    SecretRekeying(SecretCipher cipher, MongoTemplate mongo) {
        this.cipher = cipher;
        this.mongo = mongo;
    }

    RekeyJob.Outcome rekey(Document subscription) {
        String stored = subscription.getString(FIELD);
        if (cipher.isCurrent(stored)) {
            return RekeyJob.Outcome.CURRENT;
        }
        String plain;
        try {
            plain = cipher.decrypt(stored);
        } catch (IllegalStateException e) {
            return RekeyJob.Outcome.UNREADABLE;
        }
        Query asRead = Query.query(Criteria.where("_id").is(subscription.get("_id")).and(FIELD).is(stored));
        return mongo.updateFirst(asRead, new Update().set(FIELD, cipher.encrypt(plain)), Subscription.COLLECTION)
                .getModifiedCount() == 1 ? RekeyJob.Outcome.REWRITTEN : RekeyJob.Outcome.CONFLICT;
    }
}
