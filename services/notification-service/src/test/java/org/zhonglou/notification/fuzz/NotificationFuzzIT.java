package org.zhonglou.notification.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.zhonglou.fuzz.Entropy;
import org.zhonglou.fuzz.EventPayloads;
import org.zhonglou.fuzz.Queries;
import org.zhonglou.fuzz.RequestBodies;
import org.zhonglou.notification.NotificationStackTest;
import org.zhonglou.support.messaging.ConsumerFailures;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.fuzz.ConsumerInvariant;
import org.zhonglou.testsupport.fuzz.Exploration;
import org.zhonglou.testsupport.fuzz.FuzzedEntropy;
import org.zhonglou.testsupport.fuzz.HttpInvariant;
import org.zhonglou.testsupport.fuzz.LoopbackOnly;

/**
 * Subscriptions, the delivery query and both consumers of this service ({@code alertEvents},
 * {@code enrollmentEvents}) fed structured hostile input (fuzz-inputs). Invariants: the answer is 2xx or a
 * 4xx problem+json; a consumer handles a record or classifies it as poison. Each subscription made here is
 * deleted at once, so no other test's alerts reach it. {@code @Test}s explore seeded inputs for a bounded
 * time; {@code @FuzzTest}s replay the committed corpus and fuzz under {@code JAZZER_FUZZ=1}.
 */
@NotificationStackTest
class NotificationFuzzIT {

    private static final String STAFF = TestTokens.staff("staff-fuzz");
    /** A loopback port nothing listens on: webhook attempts fail here and go nowhere else. */
    private static final String WEBHOOK = "http://127.0.0.1:9/fuzz";

    @Value("${local.server.port}")
    int port;

    @Autowired
    @Qualifier("alertEvents")
    Consumer<Message<byte[]>> alertEvents;

    @Autowired
    @Qualifier("enrollmentEvents")
    Consumer<Message<byte[]>> enrollmentEvents;

    @BeforeEach
    void onlyLoopback() {
        LoopbackOnly.allow();
    }

    @Test
    void subscriptionsAndDeliveries() {
        Exploration.explore("subscriptions", this::subscribeAndQuery);
    }

    @FuzzTest
    void subscriptionBodyAndDeliveryQuery(FuzzedDataProvider data) {
        subscribeAndQuery(new FuzzedEntropy(data));
    }

    @Test
    void eventConsumers() {
        Exploration.explore("notification-consumers", this::consume);
    }

    @FuzzTest
    void eventRecords(FuzzedDataProvider data) {
        consume(new FuzzedEntropy(data));
    }

    private void subscribeAndQuery(Entropy e) {
        ApiClient api = ApiClient.localhost(port);
        String body = RequestBodies.subscription(e, WEBHOOK);
        ApiClient.Answer created = HttpInvariant.check("POST subscription", body,
                api.post("/api/subscriptions", body).bearer(STAFF).send());
        String id = created.json().path("id").asString("sub-none");
        if (created.status() == 201) {
            HttpInvariant.check("DELETE subscription", id,
                    api.delete("/api/subscriptions/" + Queries.encode(id)).bearer(STAFF).send());
        }
        String query = Queries.deliveries(e, id);
        HttpInvariant.check("GET", query, api.get(query).bearer(STAFF).send());
    }

    private void consume(Entropy e) {
        String station = "fuzz-" + Long.toHexString(e.anyLong() & 0xffffffL);
        String alert = EventPayloads.alertEvent(e, station);
        Map<String, Object> alertHeaders = EventPayloads.headers(e, EventPayloads.alertTypes(), station);
        ConsumerInvariant.check("alertEvents", alertHeaders + " " + alert, ConsumerFailures::isPoison,
                () -> alertEvents.accept(message(alert, alertHeaders)));
        String enrollment = EventPayloads.enrollmentEvent(e, "enr-" + Long.toHexString(e.anyLong()));
        Map<String, Object> enrollmentHeaders = EventPayloads.headers(e, EventPayloads.enrollmentTypes(), station);
        ConsumerInvariant.check("enrollmentEvents", enrollmentHeaders + " " + enrollment, ConsumerFailures::isPoison,
                () -> enrollmentEvents.accept(message(enrollment, enrollmentHeaders)));
    }

    private static Message<byte[]> message(String payload, Map<String, Object> headers) {
        return MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8)).copyHeaders(headers).build();
    }
}
