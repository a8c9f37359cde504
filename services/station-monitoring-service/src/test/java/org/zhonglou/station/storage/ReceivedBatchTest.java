package org.zhonglou.station.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhonglou.support.messaging.PoisonRecordException;

/**
 * The readings consumers' own check of a record: whatever a producer put on the topic, a record that
 * would make storage or alerting throw (or silently poison a query) is refused as poison when decoded.
 */
class ReceivedBatchTest {

    private static final String GOOD = """
            {"batchId":"b-1","stationId":"longjiang-road","deviceId":"gas-1","receivedAt":"2024-08-07T00:10:00Z",
             "readings":[{"readingId":"b-1:0","metric":"h2s_ppm","value":%s,"timestamp":"%s"}]}""";

    @ParameterizedTest
    @ValueSource(strings = {
            "25|-999999999-01-01T00:00:00Z",
            "25|+999999999-12-31T23:59:59Z",
            "25|1999-12-31T23:59:59Z",
            "25|2100-01-01T00:00:00Z",
            "1e308|2024-08-07T00:10:00Z",
            "-1|2024-08-07T00:10:00Z",
            "501|2024-08-07T00:10:00Z"})
    void valuesThatPassJsonButNotTheConsumerArePoison(String valueAndTimestamp) {
        String[] parts = valueAndTimestamp.split("\\|");

        assertThatThrownBy(() -> decode(GOOD.formatted(parts[0], parts[1])))
                .isInstanceOf(PoisonRecordException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"batchId\":\"b\",\"stationId\":null,\"deviceId\":\"d\",\"receivedAt\":\"2024-08-07T00:10:00Z\",\"readings\":[]}",
            "{\"batchId\":\"b\",\"stationId\":\"s\",\"deviceId\":\"d\",\"receivedAt\":\"2024-08-07T00:10:00Z\",\"readings\":[null]}",
            "{\"batchId\":\"b\",\"stationId\":\"s\",\"deviceId\":\"d\",\"receivedAt\":\"2024-08-07T00:10:00Z\"}",
            "{\"batchId\":\"b\",\"stationId\":\"s\",\"deviceId\":\"d\",\"receivedAt\":\"2024-08-07T00:10:00Z\","
                    + "\"readings\":[{\"readingId\":\"r\",\"metric\":\"radon\",\"value\":1,\"timestamp\":\"2024-08-07T00:10:00Z\"}]}",
            "[1, 2, 3]",
            ""})
    void recordsMissingWhatTheConsumersBuildOnArePoison(String json) {
        assertThatThrownBy(() -> decode(json)).isInstanceOf(PoisonRecordException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0|2000-01-01T00:00:00Z", "500|2099-12-31T23:59:59Z", "12.5|2024-08-07T00:10:00Z"})
    void theEdgesOfTheRangesAreAccepted(String valueAndTimestamp) {
        String[] parts = valueAndTimestamp.split("\\|");

        assertThat(decode(GOOD.formatted(parts[0], parts[1])).batch().readings()).hasSize(1);
        assertThat(List.of(parts)).hasSize(2);
    }

    /**
     * Fuzz finding (StationFuzzIT, readings consumers): a record whose device id held a dot was stored as a
     * nested path of the station's latest-values document, and every later batch of that station failed
     * with a ClassCastException reading it back. Station and device ids must be slugs, as the API issues them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gas-1.", "a.b", "$gas", "Gas-1", "gas 1", "gas-1\u200b", "-gas"})
    void fuzzFindingDeviceIdsThatAreNoSlugArePoison(String deviceId) {
        String json = GOOD.formatted("25", "2024-08-07T00:10:00Z").replace("\"gas-1\"", "\"" + deviceId + "\"");

        assertThatThrownBy(() -> decode(json)).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("deviceId");
    }

    private static ReceivedBatch decode(String json) {
        return ReceivedBatch.decode(json.getBytes(StandardCharsets.UTF_8), 0, 7L);
    }
}
