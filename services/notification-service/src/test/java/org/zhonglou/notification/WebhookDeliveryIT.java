package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.notification.delivery.Signatures;
import org.zhonglou.notification.delivery.WebhookSender;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookDeliveryIT extends NotificationScenario {

    @Autowired
    WebhookSender webhookSender;

    @Test
    void theReceiverVerifiesTheSignatureOfTheStructuredCloudEvent() {
        String station = Alerts.station();
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String secret = subscribeWebhook("staff-w1", receiver.url(), station).path("signingSecret").asString();
            CloudEvent<AlertEvent> event = Alerts.raised(station, "alr-sig", Severity.MAJOR);

            publishAlert(event);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.signature()).isEqualTo(
                    Signatures.sign(secret, got.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(got.signature()).isNotEqualTo(
                    Signatures.sign("wrong-secret", got.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(got.eventId()).isEqualTo(event.id());
            assertThat(got.contentType()).startsWith("application/cloudevents+json");
            JsonNode json = JsonMapper.builder().build().readTree(got.body());
            assertThat(json.path("specversion").asString()).isEqualTo("1.0");
            assertThat(json.path("id").asString()).isEqualTo(event.id());
            assertThat(json.path("type").asString()).isEqualTo("AlertRaised");
            assertThat(json.path("subject").asString()).isEqualTo(station);
            assertThat(json.path("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(json.path("data").path("alertId").asString()).isEqualTo("alr-sig");
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsOneSuccessAndTheLogShowsThreeAttempts() {
        String station = Alerts.station();
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2)) {
            String subscription = subscribeWebhook("staff-w2", receiver.url(), station).path("id").asString();

            publishAlert(Alerts.raised(station, "alr-flaky", Severity.MAJOR));

            await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("staff-w2", subscription).stream()
                    .anyMatch(d -> d.path("status").asString().equals("DELIVERED")));
            List<JsonNode> log = deliveries("staff-w2", subscription);
            assertThat(log).hasSize(1);
            JsonNode attempts = log.get(0).path("attempts");
            assertThat(attempts.size()).isEqualTo(3);
            assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(500);
            assertThat(attempts.get(1).path("statusCode").asInt()).isEqualTo(500);
            assertThat(attempts.get(2).path("statusCode").asInt()).isEqualTo(204);
            assertThat(attempts.get(0).has("durationMs")).isTrue();
            assertThat(receiver.received()).hasSize(3);
        }
    }

    @Test
    void aDuplicatedKafkaRecordProducesOneDelivery() {
        String station = Alerts.station();
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String subscription = subscribeWebhook("staff-w3", receiver.url(), station).path("id").asString();
            CloudEvent<AlertEvent> event = Alerts.raised(station, "alr-dup", Severity.MAJOR);
            CloudEvent<AlertEvent> next = Alerts.raised(station, "alr-after-dup", Severity.MAJOR);

            publishAlert(event);
            publishAlert(event);
            publishAlert(next);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(next.id()));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 2);
            assertThat(receiver.eventIds()).containsExactlyInAnyOrder(event.id(), next.id());
            assertThat(deliveries("staff-w3", subscription)).hasSize(2);
        }
    }

    @Test
    void aDeadReceiverTripsItsBreakerWithoutDelayingAnotherSubscription() {
        String station = Alerts.station();
        try (WebhookReceiver dead = WebhookReceiver.hanging(); WebhookReceiver healthy = WebhookReceiver.healthy()) {
            String deadSubscription = subscribeWebhook("staff-w4", dead.url(), station).path("id").asString();
            subscribeWebhook("staff-w5", healthy.url(), station);

            for (int i = 0; i < 6; i++) {
                CloudEvent<AlertEvent> event = Alerts.raised(station, "alr-dead-" + i, Severity.MAJOR);
                long start = System.nanoTime();
                publishAlert(event);
                await().atMost(Duration.ofSeconds(3)).until(() -> healthy.eventIds().contains(event.id()));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }

            CircuitBreaker breaker = webhookSender.breakerFor(dead.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("staff-w4", deadSubscription).stream()
                    .flatMap(d -> d.path("attempts").valueStream())
                    .anyMatch(a -> a.path("error").asString().contains("circuit breaker open")));
            assertThat(dead.received().size()).isLessThan(6 * 4);
        }
    }

    @Test
    void aFailedDeliveryCanBeRetriedByHandOnlyWhenFailed() {
        String station = Alerts.station();
        try (WebhookReceiver receiver = WebhookReceiver.rejectingFirst(4)) {
            String subscription = subscribeWebhook("staff-w6", receiver.url(), station).path("id").asString();
            publishAlert(Alerts.raised(station, "alr-fails", Severity.MAJOR));
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("staff-w6", subscription).stream()
                    .anyMatch(d -> d.path("status").asString().equals("FAILED")));
            String id = deliveries("staff-w6", subscription).get(0).path("id").asString();

            ApiClient.Answer others = api().post("/api/deliveries/" + id + "/retry", null)
                    .bearer(TestTokens.staff("staff-w7")).send();
            ApiClient.Answer retry = api().post("/api/deliveries/" + id + "/retry", null)
                    .bearer(TestTokens.staff("staff-w6")).send();

            assertThat(others.status()).isEqualTo(404);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("staff-w6", subscription).get(0)
                    .path("status").asString().equals("DELIVERED"));
            assertThat(deliveries("staff-w6", subscription).get(0).path("attempts").size()).isEqualTo(5);
            ApiClient.Answer again = api().post("/api/deliveries/" + id + "/retry", null)
                    .bearer(TestTokens.staff("staff-w6")).send();
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theDeliveryLogOfAnothersSubscriptionIs404() {
        String subscription = subscribeWebhook("staff-w8", "http://127.0.0.1:9/hook", Alerts.station())
                .path("id").asString();

        assertThat(api().get("/api/deliveries?subscriptionId=" + subscription).bearer(TestTokens.staff("staff-w9"))
                .send().status()).isEqualTo(404);
    }
}
