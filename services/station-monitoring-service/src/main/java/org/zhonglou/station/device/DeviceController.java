package org.zhonglou.station.device;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stations/{stationId}/devices")
@Tag(name = "Devices", description = "Station devices and their keys (staff)")
class DeviceController {

    private final Devices devices;

    DeviceController(Devices devices) {
        this.devices = devices;
    }

    @PostMapping
    @Operation(summary = "Register a device; the response carries its key, shown only this once")
    ResponseEntity<IssuedKey> register(@PathVariable String stationId, @Valid @RequestBody RegisterDevice request) {
        String key = devices.register(stationId, request.deviceId(), request.description());
        return ResponseEntity.created(URI.create("/api/stations/" + stationId + "/devices/" + request.deviceId()))
                .body(new IssuedKey(request.deviceId(), key));
    }

    @PostMapping("/{deviceId}/rotate-key")
    @Operation(summary = "Issue a new key for a device; the old key is refused from now on")
    IssuedKey rotate(@PathVariable String stationId, @PathVariable String deviceId) {
        return new IssuedKey(deviceId, devices.rotateKey(stationId, deviceId));
    }

    @GetMapping
    @Operation(summary = "The station's devices (never their keys)")
    List<DeviceView> list(@PathVariable String stationId) {
        return devices.list(stationId).stream()
                .map(d -> new DeviceView(d.deviceId(), d.description(), d.createdAt(), d.keyIssuedAt()))
                .toList();
    }

    record RegisterDevice(
            @NotNull @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?",
                    message = "must be a lower-case slug such as compactor-1") String deviceId,
            @Size(max = 200) String description) {
    }

    record IssuedKey(String deviceId, String deviceKey) {
    }

    record DeviceView(String deviceId, String description, Instant createdAt, Instant keyIssuedAt) {
    }
}
