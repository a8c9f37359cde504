package org.zhonglou.station.query;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.zhonglou.station.ingest.Metric;

/** Tonnes per station-local day (Asia/Shanghai), summed from the hourly entries of {@code load_tonnes}. */
@Component
public class Tonnage {

    public static final ZoneId STATION_ZONE = ZoneId.of("Asia/Shanghai");

    private final SeriesReader series;

    Tonnage(SeriesReader series) {
        this.series = series;
    }

    public record Day(LocalDate date, double tonnes, long loads) {
    }

    public Day day(String stationId, LocalDate date) {
        return days(stationId, date, date).get(0);
    }

    /** Every day from {@code first} to {@code last}, both included. */
    public List<Day> days(String stationId, LocalDate first, LocalDate last) {
        List<SeriesReader.Cell> cells = series.read(stationId, Metric.LOAD_TONNES.id(),
                first.atStartOfDay(STATION_ZONE).toInstant(), last.plusDays(1).atStartOfDay(STATION_ZONE).toInstant(),
                Duration.ofDays(1));
        List<Day> days = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            days.add(new Day(first.plusDays(i), round(cells.get(i).sum), cells.get(i).count));
        }
        return days;
    }

    private static double round(double tonnes) {
        return Math.round(tonnes * 1000) / 1000.0;
    }
}
