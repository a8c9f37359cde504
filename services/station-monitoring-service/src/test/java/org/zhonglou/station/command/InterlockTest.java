package org.zhonglou.station.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;

class InterlockTest {

    private static final List<String> OPEN = List.of("st~gas-1~h2s~1");

    @Test
    void onlyActionsThatSetEquipmentMovingAreInterlocked() {
        assertThat(List.of(Action.values())).filteredOn(Action::startsEquipment)
                .containsExactlyInAnyOrder(Action.START, Action.RESUME, Action.RESET);
        assertThat(Action.startsEquipment("SOMETHING_NEWER")).as("unknown stored action: the safe side").isTrue();
    }

    @Test
    void aQueuedStartingCommandIsHeldBackByAnAlertOpenedAfterIt() {
        for (Action action : Action.values()) {
            String held = Interlock.holdsBack(command(action.name(), null), OPEN);
            if (action.startsEquipment()) {
                assertThat(held).as(action.name()).isEqualTo("interlocked: CRITICAL alert st~gas-1~h2s~1 is open");
            } else {
                assertThat(held).as(action.name()).isNull();
            }
        }
        assertThat(Interlock.holdsBack(command("START", null), List.of())).isNull();
    }

    @Test
    void anOverrideCoversTheAlertsItWasGivenForNotOnesRaisedSince() {
        Command overridden = command("START", new InterlockOverride("staff-1", "checked on site", Instant.now(), OPEN));

        assertThat(Interlock.holdsBack(overridden, OPEN)).isNull();
        assertThat(Interlock.holdsBack(overridden, List.of(OPEN.get(0), "st~-~capacity~2")))
                .isEqualTo("interlocked: CRITICAL alert st~-~capacity~2 is open");
    }

    private static Command command(String action, InterlockOverride override) {
        Instant now = Instant.now();
        return new Command("cmd-1", "st", "compactor-1", action, Map.of(), CommandStatus.PENDING, null, "staff-1", now,
                now.plusSeconds(600), null, null, override);
    }
}
