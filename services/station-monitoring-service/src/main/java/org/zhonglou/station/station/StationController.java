package org.zhonglou.station.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stations")
@Tag(name = "Stations", description = "Transfer stations (staff)")
class StationController {

    private final Stations stations;

    StationController(Stations stations) {
        this.stations = stations;
    }

    @PostMapping
    @Operation(summary = "Register a station; its id is a slug such as longjiang-road")
    ResponseEntity<StationView> create(@Valid @RequestBody CreateStation request, @AuthenticationPrincipal Jwt staff) {
        StationDocument station = stations.create(request.id(), request.name().strip(), request.address().strip(),
                request.dailyCapacityTonnes(), staff.getSubject());
        return ResponseEntity.created(URI.create("/api/stations/" + station.id())).body(StationView.of(station));
    }

    @GetMapping
    List<StationView> list() {
        return stations.all().stream().map(StationView::of).toList();
    }

    @GetMapping("/{stationId}")
    StationView get(@PathVariable String stationId) {
        return StationView.of(stations.require(stationId));
    }

    record CreateStation(
            @NotNull @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?",
                    message = "must be a lower-case slug such as longjiang-road") String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String address,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") Double dailyCapacityTonnes) {
    }

    record StationView(String id, String name, String address, double dailyCapacityTonnes, Instant createdAt) {
        static StationView of(StationDocument station) {
            return new StationView(station.id(), station.name(), station.address(), station.dailyCapacityTonnes(),
                    station.createdAt());
        }
    }
}
