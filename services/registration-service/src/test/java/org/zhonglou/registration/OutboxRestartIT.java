package org.zhonglou.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhonglou.registration.Samples.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.contracts.Topics;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TopicReader;

/**
 * Events recorded while the broker cannot be reached survive the process: a new instance on the same
 * store publishes each of them exactly once (its own database, so no other instance's relay joins in).
 */
@LocalStackTest
class OutboxRestartIT extends StackScenarios {

    @Test
    void eventsRecordedWhileTheBrokerWasAwayArePublishedOnceAfterARestart() {
        String store = LocalMongo.shared().uri("restart-" + UUID.randomUUID().toString().substring(0, 8));
        String deadBroker = "127.0.0.1:" + LocalMongo.freePort();
        String programme;
        List<String> eventIds = new ArrayList<>();
        try (ConfigurableApplicationContext first = Instances.start(store, deadBroker, Map.of(
                "spring.cloud.stream.kafka.binder.configuration.default.api.timeout.ms", "2000",
                "spring.cloud.stream.kafka.binder.configuration.request.timeout.ms", "1000"))) {
            ApiClient api = Instances.api(first);
            programme = createProgramme(api, programme(2, 1));
            for (int i = 0; i < 3; i++) {
                ApiClient.Answer answer = enrol(api, programme, unique("p"), "k", enrollment(unique("孩子"), i));
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                eventIds.add(answer.json().path("id").asString() + ":"
                        + (i < 2 ? "EnrollmentConfirmed" : "EnrollmentWaitlisted"));
            }
            assertThat(outbox(first, programme)).hasSize(3);
        }

        try (ConfigurableApplicationContext second = Instances.start(store, brokers, Map.of())) {
            // The first instance's relay thread may still fail on its closed store client: not this test's concern.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                    .until(() -> outbox(second, programme).isEmpty());
            List<ConsumerRecord<String, byte[]>> records = TopicReader.read(brokers, Topics.REGISTRATION_ENROLLMENTS,
                    r -> programme.equals(r.key()), 3, Duration.ofSeconds(15));
            assertThat(records).extracting(r -> TopicReader.header(r, "ce_id"))
                    .containsExactlyInAnyOrderElementsOf(eventIds);
        }
    }

    private static List<Document> outbox(ConfigurableApplicationContext context, String programme) {
        Document ledger = context.getBean(MongoTemplate.class).findById(programme, Document.class, "programmes");
        return ledger.getList("outbox", Document.class, List.of());
    }
}
