package org.zhonglou.station.command;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.station.alerting.Alerts;
import org.zhonglou.support.refusal.Refusal;

/**
 * Safety interlock: while a CRITICAL alert of a station is open (of any of its devices, or station-wide:
 * H2S at the gas sensor makes starting the compactor next to it unsafe), no equipment of the station is
 * started, resumed or reset remotely unless a staff member overrides it with a reason. Checked when the
 * command is issued and again when the device fetches it, so a command queued before the alert is not
 * handed over while the alert is open.
 */
@Component
class Interlock {

    private final Alerts alerts;

    Interlock(Alerts alerts) {
        this.alerts = alerts;
    }

    /** The override to record (null when none was needed); refuses (a conflict) when interlocked. */
    InterlockOverride check(String stationId, Action action, boolean override, String reason, String staffId,
                            Instant now) {
        if (!action.startsEquipment()) {
            return null;
        }
        List<String> open = openCritical(stationId);
        if (open.isEmpty()) {
            return null;
        }
        if (override && reason != null && !reason.isBlank()) {
            return new InterlockOverride(staffId, reason.strip(), now, open);
        }
        throw Refusal.conflict("interlock", "Interlocked", "Station " + stationId + " has an open CRITICAL alert ("
                + open.get(0) + "); " + action + " needs override: true and a reason.");
    }

    /**
     * Why a command still waiting for its device must not be handed over now, or null. An override covers
     * the alerts that were open when it was given, not ones raised since.
     */
    static String holdsBack(Command command, List<String> openCritical) {
        if (!command.startsEquipment()) {
            return null;
        }
        List<String> covered = command.overriddenAlerts();
        return openCritical.stream().filter(id -> !covered.contains(id)).findFirst()
                .map(id -> "interlocked: CRITICAL alert " + id + " is open").orElse(null);
    }

    /** Ids of the station's open CRITICAL alerts, oldest first. */
    List<String> openCritical(String stationId) {
        return alerts.openIds(stationId, Severity.CRITICAL);
    }
}
