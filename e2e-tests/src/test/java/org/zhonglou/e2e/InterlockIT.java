package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.StationApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The interlock of issue 12 against the running stack: a RESUME queued for the compactor before the gas
 * sensor next to it reports dangerous H2S is not handed to the compactor while the CRITICAL alert is
 * open (it becomes REFUSED), a new RESUME is refused with 409, and one overridden with a reason goes
 * through, with who, why and when on the command.
 */
class InterlockIT {

    private final E2eStack stack = E2eStack.get();
    private final StationApi stations = stack.stations();

    @Test
    void equipmentIsNotStartedOrResumedWhileACriticalAlertOfTheStationIsOpen() {
        String stationId = stations.ensureStation(E2eStack.unique("e2e-interlock"), "E2E interlock station", 200);
        String gas = stations.registerDevice(stationId, "gas-1");
        String compactor = stations.registerDevice(stationId, "compactor-1");
        String queued = stations.issueCommand(stationId, command("RESUME")).expect(202).json()
                .path("commandId").asString();

        new RetryingDevice(stations, stationId, gas).send(Json.MAPPER.createArrayNode()
                .add(StationApi.reading(null, "h2s_ppm", 40, Instant.now())), Instant.now().plusSeconds(60));
        await("the H2S alert is open").atMost(Duration.ofSeconds(60)).until(() -> stations.alerts(stationId)
                .findValuesAsString("rule").contains("h2s-dangerous"));

        JsonNode pending = stations.pendingCommands(stationId, compactor).expect(200).json();
        assertThat(pending.findValuesAsString("commandId")).doesNotContain(queued);
        JsonNode refused = stations.command(queued).expect(200).json();
        assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("message").asString()).contains("CRITICAL alert").contains("h2s");

        Reply resume = stations.issueCommand(stationId, command("RESUME"));
        assertThat(resume.status()).as(resume.body()).isEqualTo(409);
        assertThat(resume.json().path("type").asString()).endsWith("interlock");
        assertThat(stations.issueCommand(stationId, command("START")).status()).isEqualTo(409);
        assertThat(stations.issueCommand(stationId, command("STOP")).status()).isEqualTo(202);

        String overridden = stations.issueCommand(stationId, command("RESUME").put("override", true)
                .put("reason", "gas cleared by ventilation, checked on site")).expect(202).json()
                .path("commandId").asString();
        JsonNode shown = stations.command(overridden).expect(200).json();
        assertThat(shown.path("interlockOverride").path("by").asString()).isEqualTo("e2e-staff");
        assertThat(shown.path("interlockOverride").path("reason").asString())
                .isEqualTo("gas cleared by ventilation, checked on site");
        assertThat(shown.path("interlockOverride").path("at").asString()).isNotBlank();
        assertThat(stations.pendingCommands(stationId, compactor).expect(200).json().findValuesAsString("commandId"))
                .contains(overridden).doesNotContain(queued);
    }

    private static ObjectNode command(String action) {
        return Json.object().put("deviceId", "compactor-1").put("action", action);
    }
}
