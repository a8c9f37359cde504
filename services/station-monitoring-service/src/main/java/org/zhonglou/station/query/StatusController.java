package org.zhonglou.station.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.station.station.StationDocument;
import org.zhonglou.station.station.Stations;
import org.zhonglou.station.storage.LatestValues;

@RestController
@Tag(name = "Station data", description = "Time series and tonnage (staff)")
class StatusController {

    private final Stations stations;
    private final LatestValues latest;
    private final Tonnage tonnage;
    private final OpenAlerts openAlerts;
    private final Clock clock;

    StatusController(Stations stations, LatestValues latest, Tonnage tonnage, OpenAlerts openAlerts, Clock clock) {
        this.stations = stations;
        this.latest = latest;
        this.tonnage = tonnage;
        this.openAlerts = openAlerts;
        this.clock = clock;
    }

    @GetMapping("/api/stations/{stationId}/status")
    @Operation(summary = "Latest value per metric, devices last heard from, open alerts, and today's tonnage "
            + "(station-local day, Asia/Shanghai) with its share of the daily capacity")
    Status status(@PathVariable String stationId) {
        StationDocument station = stations.require(stationId);
        LatestValues.Snapshot snapshot = latest.snapshot(stationId);
        List<MetricValue> metrics = snapshot.metrics().values().stream()
                .sorted(Comparator.comparing(LatestValues.Latest::metric))
                .map(l -> new MetricValue(l.metric(), Metric.byId(l.metric()).map(Metric::unit).orElse(""), l.value(),
                        l.timestamp(), l.deviceId()))
                .toList();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Tonnage.STATION_ZONE);
        Tonnage.Day day = tonnage.day(stationId, today);
        double share = Math.round(day.tonnes() / station.dailyCapacityTonnes() * 10_000) / 10_000.0;
        return new Status(stationId, station.name(), now, metrics, snapshot.devicesLastSeen(),
                openAlerts.of(stationId), new Today(today, Tonnage.STATION_ZONE.getId(), day.tonnes(), day.loads(),
                station.dailyCapacityTonnes(), share));
    }

    record MetricValue(String metric, String unit, double value, Instant timestamp, String deviceId) {
    }

    record Today(LocalDate date, String timeZone, double tonnes, long loads, double dailyCapacityTonnes,
                 double shareOfCapacity) {
    }

    record Status(String stationId, String name, Instant at, List<MetricValue> metrics,
                  Map<String, Instant> devicesLastSeen, List<?> openAlerts, Today today) {
    }
}
