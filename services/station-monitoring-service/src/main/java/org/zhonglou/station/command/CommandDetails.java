package org.zhonglou.station.command;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;

/** A command as staff see it: who issued it, where it stands, and who overrode the interlock, why and when. */
record CommandDetails(String commandId, String stationId, String deviceId, String action, Object parameters,
                      @Schema(description = "PENDING, then SUCCEEDED or FAILED (the device's report), EXPIRED (not "
                              + "picked up in time) or REFUSED (held back by the interlock when the device fetched "
                              + "it; message names the alert)") CommandStatus status,
                      String message, String issuedBy, Instant issuedAt, Instant expiresAt, Instant pickedUpAt,
                      Instant completedAt,
                      @Schema(description = "Present only when staff overrode the interlock to issue the command")
                      InterlockOverride interlockOverride) {

    static CommandDetails of(Document d) {
        return new CommandDetails(d.getString("_id"), d.getString("stationId"), d.getString("deviceId"),
                d.getString("action"), d.get("parameters"), CommandStatus.valueOf(d.getString("status")),
                d.getString("message"), d.getString("issuedBy"), instant(d.getDate("issuedAt")),
                instant(d.getDate("expiresAt")), instant(d.getDate("pickedUpAt")), instant(d.getDate("completedAt")),
                Commands.override(d));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
