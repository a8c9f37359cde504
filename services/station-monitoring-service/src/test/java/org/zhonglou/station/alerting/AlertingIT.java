package org.zhonglou.station.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.station.StationApi;
import org.zhonglou.station.station.StationDocument;
import org.zhonglou.station.storage.ReadingWriter;
import org.zhonglou.station.storage.ReceivedBatch;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class AlertingIT {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    Alerts book;

    @Autowired
    AlertSweep sweep;

    @Autowired
    ReadingWriter store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    StationApi api;

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    @Test
    void aNewStationHasDefaultRulesAndPutReplacesThemAfterValidation() {
        String station = api.newStation(200);

        JsonNode rules = api.get("/api/stations/" + station + "/rules").json();
        assertThat(rules.findValuesAsString("name")).contains("deodorisation-negative-pressure-lost", "h2s-high",
                "nh3-high", "motor-overheating", "hydraulic-pressure-high", "fault-code", "silent-device",
                "daily-capacity-90");
        ApiClient.Answer bad = put(station, "[{\"name\": \"x\", \"kind\": \"THRESHOLD\", \"severity\": \"MAJOR\", "
                + "\"metric\": \"h2s_ppm\", \"comparator\": \"ABOVE\", \"threshold\": 10, \"clearThreshold\": 11, "
                + "\"forSeconds\": 0}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("[0].clearThreshold");
        assertThat(put(station, "[" + silent("quiet", 60) + "]").status()).isEqualTo(200);
        assertThat(api.get("/api/stations/" + station + "/rules").json().findValuesAsString("name"))
                .containsExactly("quiet");
    }

    @Test
    void fiftyConcurrentViolatingReadingsGiveOneAlertAndOneEvent() throws Exception {
        String station = api.newStation(200);
        String key = api.newDevice(station, "compactor-1");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> posts = IntStream.range(0, 50).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> api.post(station, key, "{\"metric\": \"fault_code\", \"value\": " + (i + 1) + "}").status(),
                    pool)).toList();
            assertThat(posts.stream().map(CompletableFuture::join)).containsOnly(202);
        } finally {
            pool.shutdown();
        }
        List<ConsumerRecord<String, byte[]>> raised = alertEvents(station, "AlertRaised", 1);
        assertThat(raised).hasSize(1);
        assertThat(alerts(station, "ACTIVE")).hasSize(1);

        AlertKey direct = new AlertKey(station, "direct", "race");
        Rule rule = Rule.silentDevice("race", Severity.MAJOR, 1);
        ExecutorService racers = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Void>> races = IntStream.range(0, 50).mapToObj(i -> CompletableFuture.runAsync(
                    () -> book.raise(direct, rule, null, 1.0, Instant.now()), racers)).toList();
            races.forEach(CompletableFuture::join);
        } finally {
            racers.shutdown();
        }
        assertThat(mongo.count(Query.query(Criteria.where("slot").is(direct.id())), Alerts.ALERTS)).isOne();
    }

    @Test
    void aRedeliveredPollThatRaisedAndResolvedAnAlertDoesNotRaiseItAgain() {
        String station = api.newStation(200);
        AlertKey key = new AlertKey(station, "gas-9", "replay");
        Rule rule = Rule.silentDevice("replay", Severity.CRITICAL, 1);
        Instant high = Instant.parse("2024-08-07T03:00:00.123456Z");
        Instant low = high.plusMillis(1);
        for (int delivery = 0; delivery < 2; delivery++) {
            // The same poll twice, as after a store failure before the rule states were saved.
            book.raise(key, rule, null, 40.0, high);
            book.resolve(key, 2.0, low);
        }
        assertThat(mongo.count(Query.query(Criteria.where("slot").is(key.id())), Alerts.ALERTS)).isOne();

        Instant again = low.plusSeconds(1);
        for (int delivery = 0; delivery < 2; delivery++) {
            // A poll that also holds a later violation: replayed, its older resolve must not close the newer alert.
            book.raise(key, rule, null, 40.0, high);
            book.resolve(key, 2.0, low);
            book.raise(key, rule, null, 41.0, again);
        }
        assertThat(mongo.find(Query.query(Criteria.where("slot").is(key.id())), org.bson.Document.class,
                Alerts.ALERTS)).extracting(alert -> alert.getString("state"))
                .as("a later violation raises one new alert, left open").containsExactlyInAnyOrder("RESOLVED", "ACTIVE");
    }

    @Test
    void escalationHysteresisAndAcknowledgementEmitOneEventPerTransition() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");
        assertThat(put(station, "[" + threshold("h2s-warn", "WARNING", 10, 7, 0) + ","
                + threshold("h2s-critical", "CRITICAL", 20, 15, 0) + "]").status()).isEqualTo(200);
        Instant t = Instant.parse("2024-08-07T01:00:00Z");

        post(station, key, t, 12);
        JsonNode alert = awaitAlert(station, "ACTIVE");
        assertThat(alert.path("severity").asString()).isEqualTo("WARNING");
        String alertId = alert.path("id").asString();
        ApiClient.Answer ack = api.client().post("/api/alerts/" + alertId + "/acknowledge", "{}")
                .bearer(StationApi.STAFF).send();
        assertThat(ack.json().path("acknowledgedBy").asString()).isEqualTo("staff-wang");
        assertThat(api.client().post("/api/alerts/" + alertId + "/acknowledge", "{}").bearer(StationApi.STAFF).send()
                .json().path("state").asString()).isEqualTo("ACKNOWLEDGED");
        post(station, key, t.plusSeconds(1), 25);
        post(station, key, t.plusSeconds(2), 12);
        post(station, key, t.plusSeconds(3), 8);
        post(station, key, t.plusSeconds(4), 6.5);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alerts(station, "RESOLVED").size() == 1);
        JsonNode resolved = alerts(station, "RESOLVED").get(0);
        assertThat(resolved.path("id").asString()).isEqualTo(alertId);
        assertThat(resolved.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(resolved.path("rule").asString()).isEqualTo("h2s-critical");
        for (String type : List.of("AlertRaised", "AlertAcknowledged", "AlertEscalated", "AlertResolved")) {
            assertThat(alertEvents(station, type, 1)).as(type).hasSize(1);
        }
    }

    @Test
    void aPendingForSecondsSurvivesAConsumerRestart() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "motor-1");
        assertThat(put(station, "[{\"name\": \"hot\", \"kind\": \"THRESHOLD\", \"severity\": \"MAJOR\", \"metric\": "
                + "\"motor_temp_c\", \"comparator\": \"ABOVE\", \"threshold\": 90, \"clearThreshold\": 80, "
                + "\"forSeconds\": 60}]").status()).isEqualTo(200);
        Instant t = Instant.parse("2024-08-07T02:00:00Z");
        postMetric(station, key, "motor_temp_c", t, 95);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PENDING".equals(
                phase(RuleStates.id(station, "motor-1", "hot"))));

        bindings.stop("evaluateReadings-in-0");
        bindings.start("evaluateReadings-in-0");
        postMetric(station, key, "motor_temp_c", t.plusSeconds(30), 96);
        postMetric(station, key, "motor_temp_c", t.plusSeconds(61), 97);

        JsonNode alert = awaitAlert(station, "ACTIVE");
        assertThat(alert.path("rule").asString()).isEqualTo("hot");
        assertThat(alert.path("raisedAt").asString()).isEqualTo(t.plusSeconds(61).toString());
    }

    @Test
    void aValueBeyondTheThresholdFiresAfterForSecondsWithoutFurtherReadings() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "deodoriser-1");
        assertThat(put(station, "[{\"name\": \"negative-pressure-lost\", \"kind\": \"THRESHOLD\", \"severity\": "
                + "\"CRITICAL\", \"metric\": \"negative_pressure_pa\", \"comparator\": \"ABOVE\", \"threshold\": -20, "
                + "\"clearThreshold\": -30, \"forSeconds\": 2}]").status()).isEqualTo(200);
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        postMetric(station, key, "negative_pressure_pa", at, -5);

        JsonNode alert = awaitAlert(station, "ACTIVE");
        assertThat(alert.path("rule").asString()).isEqualTo("negative-pressure-lost");
        assertThat(alert.path("value").asDouble()).isEqualTo(-5.0);
        assertThat(alert.path("raisedAt").asString()).isEqualTo(at.plusSeconds(2).toString());
        postMetric(station, key, "negative_pressure_pa", Instant.now(), -50);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alerts(station, "RESOLVED").size() == 1);
    }

    @Test
    void aSilentDeviceIsRaisedWithoutFurtherReadingsAndResolvedWhenItSpeaksAgain() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "fill-1");
        assertThat(put(station, "[" + silent("silent", 2) + "]").status()).isEqualTo(200);
        postMetric(station, key, "fill_level_pct", Instant.now(), 40);

        JsonNode alert = awaitAlert(station, "ACTIVE");
        assertThat(alert.path("deviceId").asString()).isEqualTo("fill-1");
        postMetric(station, key, "fill_level_pct", Instant.now(), 41);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alerts(station, "RESOLVED").size() == 1);
    }

    @Test
    void dailyCapacityFollowsTheShanghaiDayAcrossMidnight() {
        String station = "cap-" + System.nanoTime();
        StationDocument document = new StationDocument(station, "test", "test", 20, Instant.now(), "s");
        store.store(List.of(new ReceivedBatch(95, 1, new ReadingsAccepted("b-" + station, station, "scale-1",
                Instant.now(), List.of(new Reading("l1", "load_tonnes", 12, Instant.parse("2024-08-06T10:00:00Z")),
                new Reading("l2", "load_tonnes", 7, Instant.parse("2024-08-06T15:59:59Z")),
                new Reading("l3", "load_tonnes", 10, Instant.parse("2024-08-06T16:00:00Z")))))));

        sweep.station(document, Instant.parse("2024-08-06T15:59:59.500Z"));
        assertThat(alerts(station, "ACTIVE")).singleElement().satisfies(a ->
                assertThat(a.path("value").asDouble()).isEqualTo(19.0));
        sweep.station(document, Instant.parse("2024-08-06T16:00:30Z"));
        assertThat(alerts(station, "ACTIVE")).isEmpty();
        assertThat(alerts(station, "RESOLVED")).hasSize(1);
    }

    private String phase(String id) {
        org.bson.Document state = mongo.findById(id, org.bson.Document.class, RuleStates.COLLECTION);
        return state == null ? null : state.getString("phase");
    }

    private JsonNode awaitAlert(String station, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> !alerts(station, state).isEmpty());
        return alerts(station, state).get(0);
    }

    private List<JsonNode> alerts(String station, String state) {
        JsonNode list = api.get("/api/alerts?stationId=" + station + "&state=" + state).json();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    private List<ConsumerRecord<String, byte[]>> alertEvents(String station, String type, int expected) {
        return TopicReader.read(brokers, Topics.STATION_ALERTS, r -> station.equals(r.key())
                && type.equals(TopicReader.header(r, "ce_type")), expected, Duration.ofSeconds(20));
    }

    private ApiClient.Answer put(String station, String rules) {
        return api.client().put("/api/stations/" + station + "/rules", rules).bearer(StationApi.STAFF).send();
    }

    private void post(String station, String key, Instant at, double h2s) {
        postMetric(station, key, "h2s_ppm", at, h2s);
    }

    private void postMetric(String station, String key, String metric, Instant at, double value) {
        ApiClient.Answer answer = api.post(station, key, "{\"metric\": \"" + metric + "\", \"value\": " + value
                + ", \"timestamp\": \"" + at + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static String threshold(String name, String severity, double threshold, double clear, int forSeconds) {
        return "{\"name\": \"" + name + "\", \"kind\": \"THRESHOLD\", \"severity\": \"" + severity + "\", \"metric\": "
                + "\"h2s_ppm\", \"comparator\": \"ABOVE\", \"threshold\": " + threshold + ", \"clearThreshold\": "
                + clear + ", \"forSeconds\": " + forSeconds + "}";
    }

    private static String silent(String name, int seconds) {
        return "{\"name\": \"" + name + "\", \"kind\": \"SILENT_DEVICE\", \"severity\": \"MAJOR\", \"silentSeconds\": "
                + seconds + "}";
    }
}
