package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;

/** Both move the shared test clock forward (never back), so they live together and run in sequence. */
class QuietHoursAndRemindersIT extends NotificationScenario {

    @Autowired
    MongoTemplate mongo;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void quietHoursHoldNonCriticalAlertsUntilTheWindowEndsWhileCriticalOnesGoOutAtOnce() {
        String station = Alerts.station();
        LocalTime now = LocalTime.ofInstant(clock.instant(), SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> window = Map.of("start", now.minusMinutes(1).toString(),
                "end", now.plusMinutes(60).toString(), "timeZone", SHANGHAI.getId());
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String subscription = subscribe("staff-q1", "WEBHOOK", receiver.url(), station, "WARNING", false, window)
                    .path("id").asString();
            CloudEvent<AlertEvent> major = Alerts.raised(station, "alr-quiet-major", Severity.MAJOR);
            CloudEvent<AlertEvent> critical = Alerts.raised(station, "alr-quiet-critical", Severity.CRITICAL);

            publishAlert(major);
            publishAlert(critical);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(critical.id()));
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("staff-q1", subscription).size() == 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> !receiver.eventIds().contains(major.id()));
            assertThat(deliveries("staff-q1", subscription)).anySatisfy(d -> {
                assertThat(d.path("eventId").asString()).isEqualTo(major.id());
                assertThat(d.path("status").asString()).isEqualTo("PENDING");
            });

            clock.advance(Duration.ofMinutes(62));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(major.id()));
            assertThat(receiver.eventIds().stream().filter(major.id()::equals)).hasSize(1);
        }
    }

    @Test
    void anUnacknowledgedCriticalAlertIsRemindedUntilAcknowledgedAndAResolvedNoticeFollows() {
        String station = Alerts.station();
        String alertId = "alr-remind-" + station;
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            subscribe("staff-r1", "WEBHOOK", receiver.url(), station, "CRITICAL", true, null);
            Instant raisedAt = Instant.now();
            CloudEvent<AlertEvent> raised = Alerts.event(EventTypes.ALERT_RAISED, station, alertId, Severity.CRITICAL,
                    AlertState.ACTIVE, raisedAt);
            publishAlert(raised);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(raised.id()));

            clock.advance(Duration.ofMinutes(31));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(alertId + "/reminder/1"));
            clock.advance(Duration.ofMinutes(31));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(alertId + "/reminder/2"));

            publishAlert(Alerts.event(EventTypes.ALERT_ACKNOWLEDGED, station, alertId, Severity.CRITICAL,
                    AlertState.ACKNOWLEDGED, raisedAt.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(5)).until(() -> !reminderDue(alertId));
            clock.advance(Duration.ofMinutes(31));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> !receiver.eventIds().contains(alertId + "/reminder/3"));
            assertThat(receiver.received().stream().filter(r -> r.body().contains("\"AlertAcknowledged\""))).isEmpty();

            CloudEvent<AlertEvent> resolved = Alerts.event(EventTypes.ALERT_RESOLVED, station, alertId,
                    Severity.CRITICAL, AlertState.RESOLVED, raisedAt.plusSeconds(2));
            publishAlert(resolved);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.eventIds().contains(resolved.id()));
            assertThat(receiver.eventIds()).containsExactly(raised.id(), alertId + "/reminder/1",
                    alertId + "/reminder/2", resolved.id());
        }
    }

    private boolean reminderDue(String alertId) {
        return mongo.findById(alertId, Document.class, "alert_states").get("nextReminderAt") != null;
    }
}
