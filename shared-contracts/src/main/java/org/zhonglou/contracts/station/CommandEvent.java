package org.zhonglou.contracts.station;

import java.time.Instant;
import java.util.List;

/**
 * Data of every event on {@code station.commands.v1}: {@code CommandIssued}, {@code CommandCompleted}.
 * {@code interlockOverride} is null unless staff overrode the safety interlock to issue the command
 * (added within v1; older records lack the field and read as null).
 */
public record CommandEvent(
        String commandId,
        String stationId,
        String deviceId,
        String action,
        CommandStatus status,
        String message,
        Instant occurredAt,
        InterlockOverride interlockOverride) {

    /**
     * Who overrode the interlock (the staff member's subject id, an opaque id), why and when, and the open
     * CRITICAL alerts the override was given for.
     */
    public record InterlockOverride(String by, String reason, Instant at, List<String> alertIds) {

        public InterlockOverride {
            alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
        }
    }
}
