package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The store killed with SIGKILL, and the broker stopped, each for two minutes under reading, alert and
 * notification load, then brought back with {@code ./run.sh start} (which starts what is missing). The
 * consumers retry for as long as the outage lasts and dead-letter nothing: every acknowledged reading is
 * stored once and evaluated, every acknowledged sign-up kept, every webhook and parent e-mail delivered
 * once ({@link OutageLoad}).
 */
class DependencyOutageIT {

    private static final Duration OUTAGE = Duration.ofMinutes(2);

    private final E2eStack stack = E2eStack.get();

    @Test
    void aStoreKilledForTwoMinutesLosesAndDuplicatesNothing() throws Exception {
        outage("store", "mongo", true);
    }

    @Test
    void aBrokerStoppedForTwoMinutesLosesAndDuplicatesNothing() throws Exception {
        outage("kafka", "kafka", false);
    }

    private void outage(String component, String healthComponent, boolean kill) throws Exception {
        try (OutageLoad load = new OutageLoad(stack)) {
            load.start();
            await("load acknowledged before the outage").atMost(Duration.ofSeconds(60))
                    .until(() -> load.fillAcknowledged() >= 1_000);
            long pid = stack.stack.pid(component).orElseThrow(() -> new AssertionError("no pid file for " + component));
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
            assertThat(kill ? process.destroyForcibly() : process.destroy()).as("signal to %s", component).isTrue();
            process.onExit().get();

            await(component + " stays away for two minutes, as the services see it").during(OUTAGE)
                    .atMost(OUTAGE.plusMinutes(1)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> "DOWN".equals(health(healthComponent)));
            stack.stack.runSh(Duration.ofMinutes(5), "start");

            int before = load.fillAcknowledged();
            await("serving again after the restart").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> load.fillAcknowledged() >= before + 1_000);
            load.stop();
            load.assertEverythingAcknowledgedArrivedOnce();
        }
    }

    /** One component of the station monitoring service's health, as its callers see it. */
    private String health(String name) {
        return stack.http.get(stack.endpoints.station() + "/actuator/health", Map.of()).json()
                .path("components").path(name).path("status").asString("");
    }
}
