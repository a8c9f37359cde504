package org.zhonglou.station.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.station.StationApi;
import org.zhonglou.station.station.Stations;
import org.zhonglou.station.storage.LatestValues;
import org.zhonglou.station.storage.ReadingWriter;
import org.zhonglou.station.storage.ReceivedBatch;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every permitted kind of rule, through the API, the store and its evaluator: PUT, read back unchanged,
 * then violated until it raises its alert. A kind that is stored but never fires fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class RuleKindsIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    Rules rules;

    @Autowired
    Stations stations;

    @Autowired
    AlertSweep sweep;

    @Autowired
    ReadingWriter store;

    @Autowired
    LatestValues latest;

    StationApi api;

    /** How each kind is made to fire on a fresh station with that one rule. */
    private final Map<Class<?>, Violation> violations = Map.of(
            ThresholdRule.class, this::thresholdExceeded,
            SilentDeviceRule.class, this::deviceFallsSilent,
            DailyCapacityRule.class, this::capacityReached);

    @FunctionalInterface
    private interface Violation {
        void violate(String station, Rule rule);
    }

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    static List<Class<?>> kinds() {
        return RuleExamples.kinds();
    }

    @Test
    void everyKindHasAWayToViolateIt() {
        assertThat(violations.keySet()).containsExactlyInAnyOrderElementsOf(kinds());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindIsStoredAsWrittenAndRaisesItsAlertWhenViolated(Class<?> kind) {
        Rule rule = RuleExamples.of(kind);
        String station = api.newStation(200);
        String body = json.writeValueAsString(List.of(json.valueToTree(rule)));

        ApiClient.Answer put = api.client().put("/api/stations/" + station + "/rules", body).bearer(StationApi.STAFF)
                .send();

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(api.get("/api/stations/" + station + "/rules").json()).isEqualTo(json.readTree(body));
        assertThat(rules.of(station)).containsExactly(rule);

        violations.get(kind).violate(station, rule);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                active(station).stream().anyMatch(alert -> rule.name().equals(alert.path("rule").asString())));
    }

    @Test
    void aRuleWithoutAKindIsRefusedNamingTheKindsThereAre() {
        String station = api.newStation(200);

        ApiClient.Answer put = api.client().put("/api/stations/" + station + "/rules",
                "[{\"name\": \"x\", \"severity\": \"MAJOR\", \"silentSeconds\": 5}]").bearer(StationApi.STAFF).send();

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().path("detail").asString()).isEqualTo("The rule list has invalid fields; nothing was "
                + "changed.");
        assertThat(put.json().path("errors").get(0).path("field").asString()).isEqualTo("[0].kind");
        assertThat(put.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be THRESHOLD, SILENT_DEVICE or DAILY_CAPACITY");
    }

    private void thresholdExceeded(String station, Rule rule) {
        String key = api.newDevice(station, "gas-1");
        ApiClient.Answer posted = api.post(station, key, "{\"metric\": \"h2s_ppm\", \"value\": 15}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    private void deviceFallsSilent(String station, Rule rule) {
        String key = api.newDevice(station, "fill-1");
        assertThat(api.post(station, key, "{\"metric\": \"fill_level_pct\", \"value\": 40}").status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> latest.snapshot(station).devicesLastSeen().containsKey("fill-1"));
        sweep.station(stations.require(station), Instant.now().plusSeconds(60));
    }

    private void capacityReached(String station, Rule rule) {
        Instant now = Instant.now();
        List<ReadingsAccepted.Reading> loads = IntStream.range(0, 4).mapToObj(i -> new ReadingsAccepted.Reading(
                "load-" + i, "load_tonnes", 30, now.minusSeconds(i))).toList();
        store.store(List.of(new ReceivedBatch(97, 1, new ReadingsAccepted("b-" + station, station, "scale-1", now,
                loads))));
        sweep.station(stations.require(station), now);
    }

    private List<JsonNode> active(String station) {
        JsonNode list = api.get("/api/alerts?stationId=" + station + "&state=ACTIVE").json();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }
}
