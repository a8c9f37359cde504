package org.zhonglou.station.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.zhonglou.contracts.station.CommandEvent;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;

/**
 * One remote command to one device, and where it stands: PENDING until the device reports SUCCEEDED or
 * FAILED, or it becomes EXPIRED (not picked up in time) or REFUSED (held back by the interlock). A command
 * is completed once. {@code action} is kept as stored, so a command of a newer version still reads.
 * Immutable: each change returns the command after it, which {@link Commands} writes conditionally.
 */
record Command(String id, String stationId, String deviceId, String action, Map<String, Object> parameters,
               CommandStatus status, String message, String issuedBy, Instant issuedAt, Instant expiresAt,
               Instant pickedUpAt, Instant completedAt, InterlockOverride interlockOverride) {

    /**
     * A new PENDING command. Its times are kept to the millisecond, as the store keeps them, so that its
     * CommandIssued event and every later read agree on them.
     */
    static Command issue(String id, String stationId, String deviceId, Action action, Map<String, Object> parameters,
                         String staffId, Instant now, Instant expiresAt, InterlockOverride override) {
        InterlockOverride stored = override == null ? null : new InterlockOverride(override.by(), override.reason(),
                millis(override.at()), override.alertIds());
        return new Command(id, stationId, deviceId, action.name(), parameters == null ? Map.of() : parameters,
                CommandStatus.PENDING, null, staffId, millis(now), millis(expiresAt), null, null, stored);
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    boolean pickedUp() {
        return pickedUpAt != null;
    }

    /** Nobody picked it up before it expired. */
    boolean expiredUnseen(Instant now) {
        return pickedUpAt == null && !expiresAt.isAfter(now);
    }

    boolean startsEquipment() {
        return Action.startsEquipment(action);
    }

    boolean isFor(String stationId, String deviceId) {
        return this.stationId.equals(stationId) && this.deviceId.equals(deviceId);
    }

    Command pickedUpAt(Instant at) {
        return new Command(id, stationId, deviceId, action, parameters, status, message, issuedBy, issuedAt,
                expiresAt, at, completedAt, interlockOverride);
    }

    Command completed(CommandStatus outcome, String why, Instant at) {
        return new Command(id, stationId, deviceId, action, parameters, outcome, why, issuedBy, issuedAt, expiresAt,
                pickedUpAt, at, interlockOverride);
    }

    /** The alerts an interlock override was given for (none without an override). */
    List<String> overriddenAlerts() {
        return interlockOverride == null ? List.of() : interlockOverride.alertIds();
    }

    /** The event telling others about the command as it is now. */
    CommandEvent event(Instant at) {
        return new CommandEvent(id, stationId, deviceId, action, status, message, at, interlockOverride);
    }
}
