package org.zhonglou.station.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.contracts.station.CommandStatus;
import org.zhonglou.station.device.DeviceIdentity;
import org.zhonglou.station.device.Devices;
import org.zhonglou.station.station.Stations;
import org.zhonglou.support.web.ApiProblem;

@RestController
@Tag(name = "Commands", description = "Remote equipment control")
class CommandController {

    private final Stations stations;
    private final Devices devices;
    private final Commands commands;

    CommandController(Stations stations, Devices devices, Commands commands) {
        this.stations = stations;
        this.devices = devices;
        this.commands = commands;
    }

    @PostMapping("/api/stations/{stationId}/commands")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a command to a device (staff)", description = "START, RESUME and RESET (the actions that "
            + "set equipment moving) are refused with 409 (type interlock) while a CRITICAL alert of the station is "
            + "open, unless override is true and a reason is given; the override (staff id, reason, time, the alerts "
            + "it covers) is recorded on the command and in its CommandIssued event. STOP and PAUSE always go through.")
    Issued issue(@PathVariable String stationId, @Valid @RequestBody IssueCommand request,
                 @AuthenticationPrincipal Jwt staff) {
        stations.require(stationId);
        if (!devices.exists(stationId, request.deviceId())) {
            throw ApiProblem.notFound("Station '" + stationId + "' has no device '" + request.deviceId() + "'.");
        }
        Command command = commands.issue(stationId, request.deviceId(), request.action(), request.parameters(),
                staff.getSubject(), Boolean.TRUE.equals(request.override()), request.reason());
        return new Issued(command.id(), command.status());
    }

    @GetMapping("/api/stations/{stationId}/commands/pending")
    @SecurityRequirement(name = "deviceKey")
    @Operation(summary = "The calling device's pending commands (device key)", description = "The first fetch hands a "
            + "command over (it no longer expires). A START, RESUME or RESET issued before a CRITICAL alert of the "
            + "station opened is not handed over while that alert is open: it becomes REFUSED (a completion, with "
            + "a CommandCompleted event naming the alert) and staff issue it again, with an override if need be.")
    List<CommandView> pending(@PathVariable String stationId, @AuthenticationPrincipal DeviceIdentity device) {
        if (!device.stationId().equals(stationId)) {
            throw ApiProblem.forbidden("This device key belongs to another station.");
        }
        return commands.pendingFor(stationId, device.deviceId()).stream().map(CommandView::of).toList();
    }

    @GetMapping("/api/commands/{commandId}")
    @Operation(summary = "A command with its status and any interlock override (staff)")
    CommandDetails get(@PathVariable String commandId) {
        return commands.find(commandId).map(CommandDetails::of)
                .orElseThrow(() -> ApiProblem.notFound("No command '" + commandId + "'."));
    }

    @PostMapping("/api/commands/{commandId}/result")
    @SecurityRequirement(name = "deviceKey")
    @Operation(summary = "Report the outcome of a command (device key); 409 once it is no longer pending")
    CommandView result(@PathVariable String commandId, @Valid @RequestBody Result result,
                       @AuthenticationPrincipal DeviceIdentity device) {
        if (commands.find(commandId).filter(command -> command.isFor(device.stationId(), device.deviceId()))
                .isEmpty()) {
            throw ApiProblem.notFound("No command '" + commandId + "' for this device.");
        }
        if (result.status() != CommandStatus.SUCCEEDED && result.status() != CommandStatus.FAILED) {
            throw ApiProblem.badRequest("Status must be SUCCEEDED or FAILED.",
                    List.of(new org.zhonglou.support.refusal.FieldProblem("status", "must be SUCCEEDED or FAILED")));
        }
        Optional<Command> completed = commands.complete(commandId, result.status(), result.message());
        if (completed.isPresent()) {
            return CommandView.of(completed.get());
        }
        Command now = commands.find(commandId).orElseThrow();
        if (result.status() == now.status()) {
            return CommandView.of(now);
        }
        throw ApiProblem.conflict("command-not-pending", "Command not pending",
                "Command " + commandId + " is already " + now.status() + ".");
    }

    record IssueCommand(@NotNull @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?") String deviceId,
                        @NotNull Action action,
                        @Size(max = 20) @ScalarParameters Map<String, Object> parameters, Boolean override,
                        @Size(max = 500) String reason) {
    }

    record Issued(String commandId, CommandStatus status) {
    }

    record Result(@NotNull CommandStatus status, @Size(max = 1000) String message) {
    }

    record CommandView(String commandId, String stationId, String deviceId, String action, Object parameters,
                       String status, String message, Instant issuedAt, Instant expiresAt) {
        static CommandView of(Command c) {
            return new CommandView(c.id(), c.stationId(), c.deviceId(), c.action(), c.parameters(), c.status().name(),
                    c.message(), c.issuedAt(), c.expiresAt());
        }
    }
}
