package org.zhonglou.station.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import org.awaitility.Awaitility;
import org.bson.Document;
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
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalStackTest;
import org.zhonglou.testsupport.TopicReader;

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
    void startIsInterlockedByAnOpenCriticalAlertUnlessOverriddenWithAReason() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "compactor-1");
        assertThat(api.post(station, key, "{\"metric\": \"fault_code\", \"value\": 7}").status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/stations/" + station + "/status").json().path("openAlerts").size() == 1);

        assertThat(command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"START\"}").status()).isEqualTo(409);
        assertThat(command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"START\", \"override\": true}")
                .status()).isEqualTo(409);
        assertThat(command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"STOP\"}").status()).isEqualTo(202);
        ApiClient.Answer overridden = command(station, "{\"deviceId\": \"compactor-1\", \"action\": \"START\", "
                + "\"override\": true, \"reason\": \"fault cleared on site by 王师傅\"}");

        assertThat(overridden.status()).isEqualTo(202);
        assertThat(overridden.json().path("status").asString()).isEqualTo("PENDING");
        Document stored = commands.find(overridden.json().path("commandId").asString());
        assertThat(stored.get("interlockOverride", Document.class).getString("by")).isEqualTo("staff-wang");
        assertThat(stored.get("interlockOverride", Document.class).getString("reason")).contains("王师傅");
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

        assertThat(commands.find(commandId).getString("status")).isEqualTo("EXPIRED");
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
