package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhonglou.registration.Samples.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.contracts.Topics;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.RestartableKafka;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The service rides out an outage of each dependency without being restarted: while it is away, calls
 * that need it fail fast (503 with Retry-After, health DOWN); when it is back, the service recovers by
 * itself and nothing accepted before, during or after is lost or doubled.
 */
class DependencyOutageIT {

    /** Far below the driver's 30-second default wait, far above a healthy call. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(15);

    @TempDir
    Path storeFiles;

    @Test
    void aStoreOutageIs503UntilTheStoreIsBackThenSignUpsContinue() {
        LocalMongo store = LocalMongo.onFile(storeFiles.resolve("store.mv")).start();
        try (RestartableKafka kafka = new RestartableKafka().start();
             ConfigurableApplicationContext service = Instances.start(store.uri("outage"), kafka.brokers(), Map.of())) {
            ApiClient api = Instances.api(service);
            String programme = createProgramme(api, programme(5, 5));
            String before = enrolled(enrol(api, programme, unique("p"), "k", enrollment(unique("孩子"), 1)));

            store.stop();
            long started = System.nanoTime();
            ApiClient.Answer refused = enrol(api, programme, unique("p"), "k", enrollment(unique("孩子"), 2));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
            assertThat(refused.header("Retry-After")).isNotBlank();
            await().atMost(Duration.ofSeconds(20)).until(() -> health(api).equals("DOWN"));

            store.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(api).equals("UP"));
            String after = enrolled(enrol(api, programme, unique("p"), "k", enrollment(unique("孩子"), 3)));

            // At-least-once: an event published just as the store went away may go out again (same id),
            // because its removal from the outbox could not be written; consumers deduplicate by id.
            List<ConsumerRecord<String, byte[]>> events = TopicReader.read(kafka.brokers(),
                    Topics.REGISTRATION_ENROLLMENTS, r -> programme.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(r -> TopicReader.header(r, "ce_id")).doesNotContainNull()
                    .containsOnly(before + ":EnrollmentConfirmed", after + ":EnrollmentConfirmed")
                    .contains(before + ":EnrollmentConfirmed", after + ":EnrollmentConfirmed");
        } finally {
            store.stop();
        }
    }

    @Test
    void signUpsGoOnDuringABrokerOutageAndTheirEventsFollowOnceItIsBack() {
        LocalMongo store = new LocalMongo().start();
        try (RestartableKafka kafka = new RestartableKafka().start();
             ConfigurableApplicationContext service = Instances.start(store.uri("outage"), kafka.brokers(), Map.of())) {
            ApiClient api = Instances.api(service);
            String programme = createProgramme(api, programme(1, 5));

            kafka.stop();
            String confirmed = enrolled(enrol(api, programme, unique("p"), "k", enrollment(unique("孩子"), 1)));
            String waitlisted = enrolled(enrol(api, programme, unique("p"), "k", enrollment(unique("孩子"), 2)));
            await().atMost(Duration.ofSeconds(20)).until(() -> health(api).equals("DOWN"));
            assertThat(outbox(service, programme)).hasSize(2);
            assertThat(enrolledIds(api, programme)).containsExactlyInAnyOrder(confirmed, waitlisted);

            kafka.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> outbox(service, programme).isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> health(api).equals("UP"));
            List<ConsumerRecord<String, byte[]>> events = TopicReader.read(kafka.brokers(),
                    Topics.REGISTRATION_ENROLLMENTS, r -> programme.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(r -> TopicReader.header(r, "ce_id"))
                    .containsExactly(confirmed + ":EnrollmentConfirmed", waitlisted + ":EnrollmentWaitlisted");
        } finally {
            store.stop();
        }
    }

    private static String enrolled(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private static List<String> enrolledIds(ApiClient api, String programme) {
        JsonNode roster = api.get("/api/programmes/" + programme + "/roster").bearer(TestTokens.staff("s")).send().json();
        List<String> ids = new ArrayList<>();
        roster.path("confirmed").forEach(entry -> ids.add(entry.path("enrollmentId").asString()));
        roster.path("waitlist").forEach(entry -> ids.add(entry.path("enrollmentId").asString()));
        return ids;
    }

    private static String health(ApiClient api) {
        return api.get("/actuator/health").send().json().path("status").asString();
    }

    private static List<Document> outbox(ConfigurableApplicationContext context, String programme) {
        Document ledger = context.getBean(MongoTemplate.class).findById(programme, Document.class, "programmes");
        return ledger.getList("outbox", Document.class, List.of());
    }
}
