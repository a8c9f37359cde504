package org.zhonglou.station.command;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
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

    static CommandDetails of(Command c) {
        return new CommandDetails(c.id(), c.stationId(), c.deviceId(), c.action(), c.parameters(), c.status(),
                c.message(), c.issuedBy(), c.issuedAt(), c.expiresAt(), c.pickedUpAt(), c.completedAt(),
                c.interlockOverride());
    }
}
