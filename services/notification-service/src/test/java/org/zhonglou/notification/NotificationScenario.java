package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.support.messaging.CloudEventPublisher;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** What the scenario tests share: the running service, its publisher and a few API shortcuts. */
@NotificationStackTest
abstract class NotificationScenario {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected CloudEventPublisher publisher;

    @Autowired
    protected TestClock clock;

    protected ApiClient api() {
        return ApiClient.localhost(port);
    }

    protected void publishAlert(CloudEvent<AlertEvent> event) {
        publisher.publish(Topics.STATION_ALERTS, event);
    }

    /** Subscribes {@code staff} and returns the 201 body (with the signing secret). */
    protected JsonNode subscribe(String staff, String channel, String target, String stationId, String minSeverity,
                                 boolean includeResolved, Map<String, String> quietHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("target", target);
        body.put("stationIds", List.of(stationId));
        body.put("minSeverity", minSeverity);
        body.put("includeResolved", includeResolved);
        if (quietHours != null) {
            body.put("quietHours", quietHours);
        }
        ApiClient.Answer answer = api().post("/api/subscriptions", body).bearer(TestTokens.staff(staff)).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    protected JsonNode subscribeWebhook(String staff, String url, String stationId) {
        return subscribe(staff, "WEBHOOK", url, stationId, "WARNING", true, null);
    }

    protected List<JsonNode> deliveries(String staff, String subscriptionId) {
        ApiClient.Answer answer = api().get("/api/deliveries?subscriptionId=" + subscriptionId)
                .bearer(TestTokens.staff(staff)).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(answer.json().spliterator(), false).toList();
    }
}
