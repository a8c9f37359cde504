package org.zhonglou.loadtools.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The station monitoring and notification calls the tools make, as staff or as a device (api.md). */
public final class StationApi {

    private final Http http;
    private final Endpoints endpoints;
    private final Map<String, String> staff;

    public StationApi(Http http, Endpoints endpoints, String staffToken) {
        this.http = http;
        this.endpoints = endpoints;
        this.staff = Http.bearer(staffToken);
    }

    /**
     * Creates the station unless it exists already and returns its id. api.md shows the id as a slug in the
     * answer; if the service derives it itself and rejects a client-chosen one, the request is repeated
     * without it.
     */
    public String ensureStation(String id, String name, double dailyCapacityTonnes) {
        if (http.get(endpoints.station() + "/api/stations/" + id, staff).status() == 200) {
            return id;
        }
        ObjectNode body = Json.object().put("id", id).put("name", name)
                .put("address", "Longjiang Road, Zhonglou District, Changzhou")
                .put("dailyCapacityTonnes", dailyCapacityTonnes);
        Reply reply = http.post(endpoints.station() + "/api/stations", staff, body);
        if (reply.status() == 400 && reply.body().contains("\"id\"")) {
            body.remove("id");
            reply = http.post(endpoints.station() + "/api/stations", staff, body);
        }
        reply.expect(201, 409);
        return reply.status() == 201 ? reply.json().path("id").asString(id) : id;
    }

    /** Registers a device and returns its key (shown only once by the service). */
    public String registerDevice(String stationId, String deviceId) {
        ObjectNode body = Json.object().put("deviceId", deviceId);
        JsonNode device = http.post(endpoints.station() + "/api/stations/" + stationId + "/devices", staff, body)
                .expect(201).json();
        return device.path("deviceKey").asString();
    }

    /** Whether a device key is still accepted (a store reset forgets devices): polls its pending commands. */
    public boolean deviceKeyWorks(String stationId, String deviceKey) {
        return http.get(endpoints.station() + "/api/stations/" + stationId + "/commands/pending",
                Map.of("X-Device-Key", deviceKey)).status() == 200;
    }

    public JsonNode rules(String stationId) {
        return http.get(endpoints.station() + "/api/stations/" + stationId + "/rules", staff).expect(200).json();
    }

    public void replaceRules(String stationId, ArrayNode rules) {
        http.put(endpoints.station() + "/api/stations/" + stationId + "/rules", staff, rules).expect(200, 204);
    }

    /** A rule that raises at once when negative pressure rises above -20 Pa and clears below -30 Pa. */
    public static ObjectNode negativePressureRule(String severity) {
        return Json.object().put("name", "deodorisation-negative-pressure-lost").put("kind", "THRESHOLD")
                .put("severity", severity).put("metric", "negative_pressure_pa").put("comparator", "ABOVE")
                .put("threshold", -20.0).put("clearThreshold", -30.0).put("forSeconds", 0);
    }

    public CompletableFuture<Reply> postReadings(String stationId, String deviceKey, Object readings) {
        return http.sendAsync("POST", endpoints.station() + "/api/stations/" + stationId + "/readings",
                Map.of("X-Device-Key", deviceKey), readings);
    }

    public static ObjectNode reading(String readingId, String metric, double value, Instant timestamp) {
        ObjectNode reading = Json.object();
        if (readingId != null) {
            reading.put("readingId", readingId);
        }
        reading.put("metric", metric);
        // Fault codes are integers; a strict API may refuse 101.0 for them.
        if ("fault_code".equals(metric) && value == Math.rint(value)) {
            reading.put("value", (long) value);
        } else {
            reading.put("value", value);
        }
        return reading.put("timestamp", timestamp.toString());
    }

    /** Stored readings of one metric between two instants: the sum of the buckets' counts. */
    public long storedCount(String stationId, String metric, Instant from, Instant to) {
        // Whole hours at both ends, so the service can answer from its hourly aggregates.
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        String url = endpoints.station() + "/api/stations/" + stationId + "/readings?metric=" + metric
                + "&from=" + start + "&to=" + end + "&step=" + Duration.ofHours(1);
        Reply reply = http.get(url, staff);
        if (reply.status() != 200) {
            return -1;
        }
        JsonNode buckets = reply.json();
        JsonNode list = buckets.isArray() ? buckets : buckets.path("buckets");
        long count = 0;
        for (JsonNode bucket : list) {
            count += bucket.path("count").asLong();
        }
        return count;
    }

    public JsonNode status(String stationId) {
        return http.get(endpoints.station() + "/api/stations/" + stationId + "/status", staff).expect(200).json();
    }

    public JsonNode alerts(String stationId) {
        Reply reply = http.get(endpoints.station() + "/api/alerts?stationId=" + stationId, staff);
        return reply.status() == 200 ? reply.json() : Json.MAPPER.createArrayNode();
    }

    /** Staff send a command ({@code {deviceId, action, parameters?, override?, reason?}}); the answer as it is. */
    public Reply issueCommand(String stationId, ObjectNode command) {
        return http.post(endpoints.station() + "/api/stations/" + stationId + "/commands", staff, command);
    }

    /** A command as staff see it (status, interlock override). */
    public Reply command(String commandId) {
        return http.get(endpoints.station() + "/api/commands/" + commandId, staff);
    }

    /** What a device gets when it polls its pending commands. */
    public Reply pendingCommands(String stationId, String deviceKey) {
        return http.get(endpoints.station() + "/api/stations/" + stationId + "/commands/pending",
                Map.of("X-Device-Key", deviceKey));
    }

    /** A webhook subscription for the given stations; returns the signing secret. */
    public String subscribeWebhook(String target, List<String> stationIds, String minSeverity) {
        ObjectNode body = Json.object().put("channel", "WEBHOOK").put("target", target)
                .put("minSeverity", minSeverity).put("includeResolved", true);
        ArrayNode stations = body.putArray("stationIds");
        stationIds.forEach(stations::add);
        return http.post(endpoints.notification() + "/api/subscriptions", staff, body).expect(201).json()
                .path("signingSecret").asString();
    }
}
