package org.zhonglou.station.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.CommandEvent;
import org.zhonglou.contracts.station.CommandStatus;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class CommandsIT {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    Commands commands;

    @Autowired
    MongoTemplate mongo;

    StationApi api;

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    @Test
    void everyActionThatStartsEquipmentIsInterlockedByAnOpenCriticalAlertUnlessOverriddenWithAReason() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "compactor-1");
        api.newDevice(station, "conveyor-1");
        raiseCriticalAlert(station, key);

        for (String action : List.of("START", "RESUME", "RESET")) {
            for (String device : List.of("compactor-1", "conveyor-1")) {
                ApiClient.Answer refused = command(station, "{\"deviceId\": \"" + device + "\", \"action\": \""
                        + action + "\"}");
                assertThat(refused.status()).as(action + " " + device).isEqualTo(409);
                assertThat(refused.json().path("type").asString()).endsWith("interlock");
            }
        }
        assertThat(command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"RESUME\", \"override\": true}")
                .status()).isEqualTo(409);
        assertThat(command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"STOP\"}").status()).isEqualTo(202);
        assertThat(command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"PAUSE\"}").status()).isEqualTo(202);
        ApiClient.Answer overridden = command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"RESUME\", "
                + "\"override\": true, \"reason\": \"fault cleared on site by 王师傅\"}");

        assertThat(overridden.status()).isEqualTo(202);
        assertThat(overridden.json().path("status").asString()).isEqualTo("PENDING");
        String commandId = overridden.json().path("commandId").asString();
        JsonNode shown = api.get("/api/commands/" + commandId).json();
        assertThat(shown.path("status").asString()).isEqualTo("PENDING");
        assertThat(shown.path("issuedBy").asString()).isEqualTo("staff-wang");
        assertThat(shown.path("interlockOverride").path("by").asString()).isEqualTo("staff-wang");
        assertThat(shown.path("interlockOverride").path("reason").asString()).isEqualTo("fault cleared on site by 王师傅");
        assertThat(Instant.parse(shown.path("interlockOverride").path("at").asString()))
                .isEqualTo(Instant.parse(shown.path("issuedAt").asString()));
        assertThat(shown.path("interlockOverride").path("alertIds").size()).isEqualTo(1);
        CommandEvent issued = EventCodec.decode(TopicReader.read(brokers, Topics.STATION_COMMANDS,
                r -> commandId.equals(EventCodec.decode(r.value(), CommandEvent.class).commandId()), 1,
                Duration.ofSeconds(20)).get(0).value(), CommandEvent.class);
        assertThat(issued.interlockOverride().by()).isEqualTo("staff-wang");
        assertThat(issued.interlockOverride().reason()).isEqualTo("fault cleared on site by 王师傅");
        assertThat(issued.interlockOverride().at()).isEqualTo(Instant.parse(shown.path("issuedAt").asString()));
        assertThat(api.get("/api/commands/cmd-none").status()).isEqualTo(404);
        assertThat(api.client().get("/api/commands/" + commandId).header("X-Device-Key", key).send().status())
                .isEqualTo(403);
    }

    @Test
    void aStartingCommandQueuedBeforeACriticalAlertIsRefusedAtFetchWhileOthersAreHandedOver() {
        String station = api.newStation(200);
        String gasKey = api.newDevice(station, "gas-1");
        String key = api.newDevice(station, "compactor-1");
        String resume = issued(station, "{\"deviceId\": \"compactor-1\", \"action\": \"RESUME\"}");
        String stop = issued(station, "{\"deviceId\": \"compactor-1\", \"action\": \"STOP\"}");
        raiseCriticalAlert(station, gasKey);
        String overridden = issued(station, "{\"deviceId\": \"compactor-1\", \"action\": \"START\", "
                + "\"override\": true, \"reason\": \"ventilation checked\"}");

        ApiClient.Answer pending = api.client().get("/api/stations/" + station + "/commands/pending")
                .header("X-Device-Key", key).send();

        assertThat(pending.json().findValuesAsString("commandId")).containsExactly(stop, overridden);
        JsonNode refused = api.get("/api/commands/" + resume).json();
        assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("message").asString()).startsWith("interlocked: CRITICAL alert " + station + "~gas-1~");
        assertThat(api.client().get("/api/stations/" + station + "/commands/pending").header("X-Device-Key", key)
                .send().json().findValuesAsString("commandId")).containsExactly(stop, overridden);
        assertThat(result(resume, key, "SUCCEEDED").status()).isEqualTo(409);
        List<CommandEvent> completions = TopicReader.read(brokers, Topics.STATION_COMMANDS, r -> station.equals(r.key())
                && "CommandCompleted".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(20)).stream()
                .map(r -> EventCodec.decode(r.value(), CommandEvent.class)).toList();
        assertThat(completions).singleElement().satisfies(event -> {
            assertThat(event.commandId()).isEqualTo(resume);
            assertThat(event.status()).isEqualTo(CommandStatus.REFUSED);
            assertThat(event.message()).isEqualTo(refused.path("message").asString());
        });
    }

    private void raiseCriticalAlert(String station, String key) {
        assertThat(api.post(station, key, "{\"metric\": \"fault_code\", \"value\": 7}").status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/stations/" + station + "/status").json().path("openAlerts").size() == 1);
    }

    private String issued(String station, String body) {
        ApiClient.Answer answer = command(station, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().path("commandId").asString();
    }

    @Test
    void aDeviceSeesOnlyItsOwnPendingCommandsAndReportsTheResultOnce() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "lift-1");
        String otherKey = api.newDevice(station, "lift-2");
        String commandId = command(station, "{\"deviceId\": \"lift-1\", \"action\": \"RESET\", \"parameters\": "
                + "{\"level\": 2}}").json().path("commandId").asString();

        ApiClient.Answer pending = api.client().get("/api/stations/" + station + "/commands/pending")
                .header("X-Device-Key", key).send();
        assertThat(pending.json().findValuesAsString("commandId")).containsExactly(commandId);
        assertThat(api.client().get("/api/stations/" + station + "/commands/pending").header("X-Device-Key", otherKey)
                .send().json().size()).isZero();
        assertThat(result(commandId, otherKey, "SUCCEEDED").status()).isEqualTo(404);
        assertThat(result(commandId, key, "SUCCEEDED").status()).isEqualTo(200);
        assertThat(result(commandId, key, "SUCCEEDED").status()).isEqualTo(200);
        assertThat(result(commandId, key, "FAILED").status()).isEqualTo(409);

        assertThat(TopicReader.read(brokers, Topics.STATION_COMMANDS, r -> station.equals(r.key()), 2,
                Duration.ofSeconds(20))).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("CommandIssued", "CommandCompleted");
    }

    @Test
    void aCommandNotPickedUpInTimeExpiresOnce() {
        String station = api.newStation(200);
        api.newDevice(station, "lift-1");
        String commandId = command(station, "{\"deviceId\": \"lift-1\", \"action\": \"STOP\"}").json()
                .path("commandId").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(commandId)),
                new Update().set("expiresAt", new Date(System.currentTimeMillis() - 1000)), Commands.COLLECTION);

        commands.expire();
        commands.expire();

        assertThat(commands.find(commandId).orElseThrow().status().name()).isEqualTo("EXPIRED");
        assertThat(TopicReader.read(brokers, Topics.STATION_COMMANDS, r -> station.equals(r.key())
                && "CommandCompleted".equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    private ApiClient.Answer command(String station, String body) {
        return api.client().post("/api/stations/" + station + "/commands", body).bearer(StationApi.STAFF).send();
    }

    private ApiClient.Answer result(String commandId, String key, String status) {
        return api.client().post("/api/commands/" + commandId + "/result", "{\"status\": \"" + status + "\"}")
                .header("X-Device-Key", key).send();
    }
}
