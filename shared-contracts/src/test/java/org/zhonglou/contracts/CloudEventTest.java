package org.zhonglou.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.CloudEventHeaders;

class CloudEventTest {

    private final CloudEvent<String> event = new CloudEvent<>("evt-1", EventTypes.ALERT_RAISED,
            "/zhonglou/station-monitoring", "longjiang-road", Instant.parse("2024-08-07T00:15:00Z"), "data");

    @Test
    void mapsToBinaryModeHeaders() {
        assertThat(event.headers()).containsEntry("ce_id", "evt-1").containsEntry("ce_type", "AlertRaised")
                .containsEntry("ce_source", "/zhonglou/station-monitoring").containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_time", "2024-08-07T00:15:00Z").containsEntry("ce_subject", "longjiang-road")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void readsBackFromStringOrByteHeaders() {
        Map<String, Object> received = new HashMap<>();
        event.headers().forEach((name, value) -> received.put(name,
                name.equals(CloudEventHeaders.ID) ? value.getBytes(StandardCharsets.UTF_8) : value));

        assertThat(CloudEvent.fromHeaders(received, "data")).isEqualTo(event);
    }

    @Test
    void readsTheHyphenSpellingSpringCloudFunctionHandsToConsumers() {
        Map<String, Object> received = new HashMap<>();
        event.headers().forEach((name, value) -> received.put(name.replaceFirst("^ce_", "ce-"), value));

        assertThat(CloudEvent.fromHeaders(received, "data")).isEqualTo(event);
    }

    @Test
    void rejectsAMissingIdOrAnotherSpecVersion() {
        Map<String, Object> noId = new HashMap<>(event.headers());
        noId.remove(CloudEventHeaders.ID);
        assertThatThrownBy(() -> CloudEvent.fromHeaders(noId, "data")).hasMessageContaining("ce_id");

        Map<String, Object> v03 = new HashMap<>(event.headers());
        v03.put(CloudEventHeaders.SPEC_VERSION, "0.3");
        assertThatThrownBy(() -> CloudEvent.fromHeaders(v03, "data")).hasMessageContaining("0.3");
    }
}
