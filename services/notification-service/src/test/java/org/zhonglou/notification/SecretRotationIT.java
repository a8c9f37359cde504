package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.zhonglou.notification.subscription.SecretCipher;
import org.zhonglou.notification.subscription.Subscription;
import org.zhonglou.support.keys.FieldCipher;
import org.zhonglou.support.keys.KeyRing;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The service after a rotation of NOTIFICATION_SECRET_KEY: the key the test stack gives it is the new
 * one, {@link #OLD} the key it had before. Secrets stored under the old key, and in the format from
 * before key ids, still sign; the job moves them to the new key.
 */
@TestPropertySource(properties = "NOTIFICATION_SECRET_OLD_KEYS=" + SecretRotationIT.OLD)
class SecretRotationIT extends NotificationScenario {

    static final String OLD = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    /** Stored under {@link #OLD} by the cipher before key ids existed. */
    private static final String WITHOUT_KEY_ID =
            "DKFwhrL9eVJAd1BCTor4jmdiojimEQSWq5y7EE0UfSqrwWLOPg50TumIeRlHwQipnqDCuStrEzt4fKk=";

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private SecretCipher cipher;

    @Test
    void secretsUnderTheOldKeyStayReadableAndTheJobMovesThemToTheNewKey() {
        JsonNode created = subscribeWebhook("staff-r1", "http://127.0.0.1:9/hook", Alerts.station());
        String secret = created.path("signingSecret").asString();
        String underOldKey = created.path("id").asString();
        store(underOldKey, new FieldCipher(KeyRing.of(Base64.getDecoder().decode(OLD)))
                .seal(secret, new byte[0]));
        String withoutKeyId = subscribeWebhook("staff-r2", "http://127.0.0.1:9/hook", Alerts.station())
                .path("id").asString();
        store(withoutKeyId, WITHOUT_KEY_ID);

        assertThat(cipher.decrypt(stored(underOldKey))).isEqualTo(secret);
        assertThat(cipher.decrypt(stored(withoutKeyId))).isEqualTo("4f2a9c0e-webhook-signing-secret");
        assertThat(api().post("/api/admin/key-rotation", null).bearer(TestTokens.parent("p")).send().status())
                .isEqualTo(403);
        ApiClient.Answer started = api().post("/api/admin/key-rotation", null).bearer(TestTokens.staff("s")).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(progress().path("state").asString()));
        assertThat(progress().path("rewritten").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(progress().path("left").asLong()).isZero();
        assertThat(cipher.isCurrent(stored(underOldKey))).isTrue();
        assertThat(cipher.isCurrent(stored(withoutKeyId))).isTrue();
        assertThat(cipher.decrypt(stored(underOldKey))).isEqualTo(secret);
        assertThat(cipher.decrypt(stored(withoutKeyId))).isEqualTo("4f2a9c0e-webhook-signing-secret");
        assertThat(stored(underOldKey)).doesNotContain(secret);
    }

    private JsonNode progress() {
        return api().get("/api/admin/key-rotation").bearer(TestTokens.staff("s")).send().json().get(0);
    }

    private void store(Object id, String encryptedSecret) {
        mongo.getCollection(Subscription.COLLECTION).updateOne(new Document("_id", id),
                new Document("$set", new Document("encryptedSecret", encryptedSecret)));
    }

    private String stored(Object id) {
        return mongo.getCollection(Subscription.COLLECTION).find(new Document("_id", id)).first()
                .getString("encryptedSecret");
    }
}
