package org.zhonglou.fuzz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readings a station acknowledged with 202, counted per metric and day as the store must hold them
 * (the fuzzers' stored-reading invariant): once per device-chosen reading id, once per reading without
 * one. Read with Jackson's defaults, as the service reads them.
 */
public final class AcceptedReadings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** metric -> start of a UTC day -> readings of that metric that day. */
    private final Map<String, Map<Instant, Long>> perMetricAndDay = new HashMap<>();
    private final Set<String> readingIds = new HashSet<>();

    /** Adds the readings of a body answered with 202; {@code receivedAt} stands in for a missing timestamp. */
    public void add(String acceptedBody, Instant receivedAt) {
        JsonNode body = JSON.readTree(acceptedBody);
        for (JsonNode reading : body.isArray() ? body : List.of(body)) {
            JsonNode id = reading.get("readingId");
            if (id != null && !id.isNull() && !readingIds.add(id.asString())) {
                continue;
            }
            JsonNode timestamp = reading.get("timestamp");
            Instant at = timestamp == null || timestamp.isNull() ? receivedAt
                    : JSON.treeToValue(timestamp, Instant.class);
            perMetricAndDay.computeIfAbsent(reading.get("metric").asString(), m -> new HashMap<>())
                    .merge(at.truncatedTo(ChronoUnit.DAYS), 1L, Long::sum);
        }
    }

    public Map<String, Map<Instant, Long>> perMetricAndDay() {
        return perMetricAndDay;
    }
}
