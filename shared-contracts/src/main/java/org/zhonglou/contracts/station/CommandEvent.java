package org.zhonglou.contracts.station;

import java.time.Instant;

/** Data of every event on {@code station.commands.v1}: {@code CommandIssued}, {@code CommandCompleted}. */
public record CommandEvent(
        String commandId,
        String stationId,
        String deviceId,
        String action,
        CommandStatus status,
        String message,
        Instant occurredAt) {
}
