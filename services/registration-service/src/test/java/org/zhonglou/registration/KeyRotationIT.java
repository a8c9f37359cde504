package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhonglou.registration.Samples.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.registration.privacy.PiiHasher;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TestKeys;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A rotation of both PII keys as the README describes it, on instances of the service sharing one store
 * of their own: data written before the rotation (also in the format from before key ids) stays readable
 * and its children stay duplicates; the job moves everything to the new keys; then the old keys go.
 */
@LocalStackTest
class KeyRotationIT extends StackScenarios {

    private static final List<String> ENCRYPTED = List.of("fullName", "dateOfBirth");

    private final String encryptionBefore = TestKeys.random();
    private final String hashBefore = TestKeys.random();
    private final String encryptionAfter = TestKeys.random();
    private final String hashAfter = TestKeys.random();
    private final String store = LocalMongo.shared().uri(unique("rotation"));

    private ConfigurableApplicationContext instance(Map<String, Object> keys) {
        Map<String, Object> properties = new HashMap<>(keys);
        properties.put("zhonglou.keys.rekey-initial-delay", "PT1H");
        return Instances.start(store, brokers, properties);
    }

    @Test
    void dataFromBeforeARotationStaysReadableAndDuplicateAndTheJobMovesItToTheNewKeys() {
        String programme;
        String first;
        String firstParent = unique("p");
        Map<String, Object> firstChild = enrollment(unique("王小明"), 11);
        String waitlisted;
        try (ConfigurableApplicationContext before = instance(Map.of("PII_ENCRYPTION_KEY", encryptionBefore,
                "PII_HASH_KEY", hashBefore))) {
            ApiClient api = Instances.api(before);
            programme = createProgramme(api, programme(1, 2));
            first = enrol(api, programme, firstParent, "k1", firstChild).json().path("id").asString();
            waitlisted = enrol(api, programme, unique("p"), "k2", enrollment(unique("李小红"), 12)).json().path("id")
                    .asString();
            withoutKeyIds(before.getBean(MongoTemplate.class), first);
        }

        try (ConfigurableApplicationContext during = instance(Map.of(
                "PII_ENCRYPTION_KEY", encryptionAfter, "PII_ENCRYPTION_OLD_KEYS", encryptionBefore,
                "PII_HASH_KEY", hashAfter, "PII_HASH_OLD_KEYS", hashBefore))) {
            ApiClient api = Instances.api(during);
            MongoTemplate mongo = during.getBean(MongoTemplate.class);
            assertThat(mongo.findById(first, Document.class, "enrollments").get("child", Document.class)
                    .getString("fullName")).startsWith("v1:");

            JsonNode read = api.get("/api/enrollments/" + first).bearer(TestTokens.parent(firstParent)).send().json();
            assertThat(read.path("child").path("fullName").asString()).isEqualTo(childName(firstChild));
            assertThat(enrol(api, programme, unique("p"), "k3", firstChild).status()).isEqualTo(409);
            ApiClient.Answer replay = enrol(api, programme, firstParent, "k1", firstChild);
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            assertThat(replay.json().path("id").asString()).isEqualTo(first);

            assertThat(api.post("/api/admin/key-rotation", null).bearer(TestTokens.parent(firstParent)).send().status())
                    .isEqualTo(403);
            ApiClient.Answer started = api.post("/api/admin/key-rotation", null).bearer(TestTokens.staff("s")).send();
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(progress(api).path("state").asString()));
            JsonNode progress = progress(api);
            assertThat(progress.path("rewritten").asLong()).isEqualTo(2);
            assertThat(progress.path("left").asLong()).isZero();
            String newKeyPrefix = "v2:" + keyId(progress, 0) + ":";
            for (String id : List.of(first, waitlisted)) {
                Document enrollment = mongo.findById(id, Document.class, "enrollments");
                ENCRYPTED.forEach(field -> assertThat(enrollment.get("child", Document.class).getString(field))
                        .startsWith(newKeyPrefix));
                assertThat(ledgerChildren(mongo, programme)).containsKey(enrollment.getString("childKey"));
            }
            assertThat(ledgerChildren(mongo, programme)).hasSize(2);
        }

        try (ConfigurableApplicationContext after = instance(Map.of("PII_ENCRYPTION_KEY", encryptionAfter,
                "PII_HASH_KEY", hashAfter))) {
            ApiClient api = Instances.api(after);
            assertThat(api.get("/api/enrollments/" + first).bearer(TestTokens.parent(firstParent)).send().status())
                    .isEqualTo(200);
            assertThat(enrol(api, programme, unique("p"), "k4", firstChild).status()).isEqualTo(409);
            assertThat(api.post("/api/enrollments/" + first + "/cancel", null).bearer(TestTokens.parent(firstParent))
                    .send().status()).isEqualTo(200);
            assertThat(ledgerChildren(after.getBean(MongoTemplate.class), programme)).hasSize(1);
        }
    }

    @Test
    void aChildHalfMovedByAStoppedJobLeavesNoPlaceBehindWhenCancelled() {
        String parent = unique("p");
        Map<String, Object> child = enrollment(unique("张小刚"), 13);
        String programme;
        String id;
        try (ConfigurableApplicationContext before = instance(Map.of("PII_HASH_KEY", hashBefore))) {
            programme = createProgramme(Instances.api(before), programme(1, 0));
            id = enrol(Instances.api(before), programme, parent, "k", child).json().path("id").asString();
        }
        try (ConfigurableApplicationContext during = instance(Map.of("PII_HASH_KEY", hashAfter,
                "PII_HASH_OLD_KEYS", hashBefore))) {
            MongoTemplate mongo = during.getBean(MongoTemplate.class);
            // The job's first step (the ledger) done, its second (the enrollment) not: the instance died.
            String current = during.getBean(PiiHasher.class).childKey(childName(child),
                    LocalDate.parse((String) ((Map<?, ?>) child.get("child")).get("dateOfBirth")));
            assertThat(mongo.getCollection("programmes").updateOne(new Document("_id", programme),
                    new Document("$set", new Document("children", new Document(current, id)))).getModifiedCount())
                    .isOne();
            assertThat(mongo.findById(id, Document.class, "enrollments").getString("childKey")).isNotEqualTo(current);

            ApiClient api = Instances.api(during);
            assertThat(api.post("/api/enrollments/" + id + "/cancel", null).bearer(TestTokens.parent(parent)).send()
                    .status()).isEqualTo(200);
            assertThat(ledgerChildren(mongo, programme)).isEmpty();
            assertThat(enrol(api, programme, parent, "k-again", child).status()).isEqualTo(201);
        }
    }

    private static String childName(Map<String, Object> body) {
        return (String) ((Map<?, ?>) body.get("child")).get("fullName");
    }

    private static JsonNode progress(ApiClient api) {
        return api.get("/api/admin/key-rotation").bearer(TestTokens.staff("s")).send().json().get(0);
    }

    /** The current key id as the progress names it: "current key 1a2b3c4d, older keys ...; current key ...". */
    private static String keyId(JsonNode progress, int ring) {
        return progress.path("keys").asString().split("; ")[ring].substring("current key ".length(), 20);
    }

    /** Rewrites the enrollment's values into the format from before key ids ("v1:", same payload). */
    private static void withoutKeyIds(MongoTemplate mongo, String id) {
        Document enrollment = mongo.findById(id, Document.class, "enrollments");
        for (String part : List.of("child", "guardian")) {
            Document fields = enrollment.get(part, Document.class);
            fields.keySet().stream().filter(field -> fields.getString(field).startsWith("v2:")).toList()
                    .forEach(field -> fields.put(field, "v1:" + fields.getString(field).substring(12)));
        }
        mongo.save(enrollment, "enrollments");
    }

    private static Document ledgerChildren(MongoTemplate mongo, String programme) {
        return mongo.findById(programme, Document.class, "programmes").get("children", Document.class);
    }
}
