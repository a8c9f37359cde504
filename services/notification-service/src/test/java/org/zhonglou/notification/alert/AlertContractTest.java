package org.zhonglou.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.notification.subscription.Channel;
import org.zhonglou.notification.subscription.Subscription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Consumer side of the contract: the producers' golden samples read, route and render as expected. */
class AlertContractTest {

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = AlertContractTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Subscription subscription(List<String> stations, Severity min, boolean includeResolved) {
        return new Subscription("s1", "staff-1", Channel.WEBHOOK, "https://hooks.example.com", stations, min,
                includeResolved, null, null, Instant.EPOCH);
    }

    @Test
    void theAlertRaisedSampleRoutesByStationAndSeverityAndRendersAsAStructuredCloudEvent() throws IOException {
        byte[] raw = sample("alert-raised.json");
        AlertEvent alert = EventCodec.decode(raw, AlertEvent.class);

        assertThat(AlertRouting.wants(subscription(List.of("longjiang-road"), Severity.MAJOR, false),
                EventTypes.ALERT_RAISED, alert)).isTrue();
        assertThat(AlertRouting.wants(subscription(List.of(), Severity.CRITICAL, false),
                EventTypes.ALERT_RAISED, alert)).isTrue();
        assertThat(AlertRouting.wants(subscription(List.of("other-station"), Severity.WARNING, false),
                EventTypes.ALERT_RAISED, alert)).isFalse();
        assertThat(AlertRouting.wants(subscription(List.of(), Severity.WARNING, false),
                EventTypes.ALERT_RESOLVED, alert)).isFalse();
        assertThat(AlertRouting.wants(subscription(List.of(), Severity.WARNING, true),
                EventTypes.ALERT_RESOLVED, alert)).isTrue();
        assertThat(AlertRouting.wants(subscription(List.of(), Severity.WARNING, true),
                EventTypes.ALERT_ACKNOWLEDGED, alert)).isFalse();

        AlertNotice notice = AlertNotice.of("evt-1", EventTypes.ALERT_RAISED, "/zhonglou/station-monitoring-service",
                alert.stationId(), Instant.parse("2024-08-07T00:15:00.100Z"), alert, raw);
        JsonNode json = JsonMapper.builder().build().readTree(notice.json());
        assertThat(json.path("specversion").asString()).isEqualTo("1.0");
        assertThat(json.path("time").asString()).isEqualTo("2024-08-07T00:15:00.100Z");
        assertThat(json.path("data")).isEqualTo(JsonMapper.builder().build().readTree(raw));
    }

    @Test
    void theEnrollmentSamplesReadAsTheirEvents() throws IOException {
        EnrollmentEvent confirmed = EventCodec.decode(sample("enrollment-confirmed.json"), EnrollmentEvent.class);
        EnrollmentEvent waitlisted = EventCodec.decode(sample("enrollment-waitlisted.json"), EnrollmentEvent.class);

        assertThat(confirmed.status()).isEqualTo(EnrollmentStatus.CONFIRMED);
        assertThat(confirmed.enrollmentId()).isEqualTo("enr-8f3a2c");
        assertThat(waitlisted.waitlistPosition()).isEqualTo(1);
    }
}
