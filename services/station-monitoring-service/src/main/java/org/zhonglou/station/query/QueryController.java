package org.zhonglou.station.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.station.station.Stations;
import org.zhonglou.support.bounds.TimeBounds;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.web.ApiProblem;

@RestController
@Tag(name = "Station data", description = "Time series and tonnage (staff)")
class QueryController {

    private static final int MAX_DAYS = 366;

    private final Stations stations;
    private final SeriesReader series;
    private final Tonnage tonnage;

    QueryController(Stations stations, SeriesReader series, Tonnage tonnage) {
        this.stations = stations;
        this.series = series;
        this.tonnage = tonnage;
    }

    @GetMapping("/api/stations/{stationId}/readings")
    @Operation(summary = "Buckets {start, min, max, avg, count} of one metric over all devices",
            description = "from/to ISO-8601 instants from 2000-01-01 to 2099-12-31 (from inclusive, to exclusive), "
                    + "step an ISO-8601 duration from PT1S to P1D in whole seconds; at most 10,000 buckets (400 "
                    + "otherwise). Empty buckets have count 0 and null min/max/avg.")
    Series readings(@PathVariable String stationId, @RequestParam(required = false) String metric,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String step) {
        stations.require(stationId);
        Metric known = Metric.byId(metric).orElseThrow(() -> invalid("metric", "unknown or missing metric"));
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw invalid("to", "must be after from");
        }
        Duration stepDuration = step(step);
        List<SeriesReader.Cell> cells = series.read(stationId, known.id(), start, end, stepDuration);
        List<Bucket> buckets = new java.util.ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            buckets.add(Bucket.of(start.plus(stepDuration.multipliedBy(i)), cells.get(i)));
        }
        return new Series(stationId, known.id(), known.unit(), start, end, stepDuration.toString(), buckets);
    }

    @GetMapping("/api/stations/{stationId}/throughput")
    @Operation(summary = "Tonnes per station-local day (Asia/Shanghai), the sum of load_tonnes",
            description = "from/to are dates (YYYY-MM-DD) from 2000-01-01 to 2099-12-31, both included, at most "
                    + "366 days.")
    Throughput throughput(@PathVariable String stationId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to) {
        stations.require(stationId);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw invalid("to", "at most " + MAX_DAYS + " days");
        }
        return new Throughput(stationId, Tonnage.STATION_ZONE.getId(), tonnage.days(stationId, first, last));
    }

    private static Instant instant(String name, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2024-08-07T00:00:00Z");
        }
        if (!TimeBounds.contains(instant)) {
            throw invalid(name, TimeBounds.MESSAGE);
        }
        return instant;
    }

    private static LocalDate date(String name, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date such as 2024-08-07");
        }
        if (!TimeBounds.contains(date)) {
            throw invalid(name, TimeBounds.MESSAGE);
        }
        return date;
    }

    private static Duration step(String value) {
        Duration step;
        try {
            step = Duration.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw invalid("step", "must be an ISO-8601 duration such as PT1M");
        }
        if (step.getNano() != 0 || step.compareTo(Duration.ofSeconds(1)) < 0 || step.compareTo(Duration.ofDays(1)) > 0) {
            throw invalid("step", "must be whole seconds from PT1S to P1D");
        }
        return step;
    }

    static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("Parameter '" + field + "' " + message + ".", List.of(new FieldProblem(field, message)));
    }

    record Bucket(Instant start, Double min, Double max, Double avg, long count) {
        static Bucket of(Instant start, SeriesReader.Cell cell) {
            return cell.count == 0 ? new Bucket(start, null, null, null, 0)
                    : new Bucket(start, cell.min, cell.max, cell.sum / cell.count, cell.count);
        }
    }

    record Series(String stationId, String metric, String unit, Instant from, Instant to, String step,
                  List<Bucket> buckets) {
    }

    record Throughput(String stationId, String timeZone, List<Tonnage.Day> days) {
    }
}
