package org.zhonglou.station.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

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
            String held = Interlock.holdsBack(new Document("action", action.name()), OPEN);
            if (action.startsEquipment()) {
                assertThat(held).as(action.name()).isEqualTo("interlocked: CRITICAL alert st~gas-1~h2s~1 is open");
            } else {
                assertThat(held).as(action.name()).isNull();
            }
        }
        assertThat(Interlock.holdsBack(new Document("action", "START"), List.of())).isNull();
    }

    @Test
    void anOverrideCoversTheAlertsItWasGivenForNotOnesRaisedSince() {
        Document overridden = new Document("action", "START").append("interlockOverride", new Document("by", "staff-1")
                .append("reason", "checked on site").append("at", new Date()).append("alertIds", OPEN));

        assertThat(Interlock.holdsBack(overridden, OPEN)).isNull();
        assertThat(Interlock.holdsBack(overridden, List.of(OPEN.get(0), "st~-~capacity~2")))
                .isEqualTo("interlocked: CRITICAL alert st~-~capacity~2 is open");
    }
}
