package org.zhonglou.station.alerting;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.station.query.Tonnage;
import org.zhonglou.station.station.StationDocument;

/**
 * Evaluates a {@link DailyCapacityRule} at each sweep, station-wide, on the Asia/Shanghai day: the alert
 * resolves at local midnight when the new day's tonnage starts from zero.
 */
@Component
class DailyCapacityEvaluator {

    private final Tonnage tonnage;
    private final SweptAlerts swept;

    DailyCapacityEvaluator(Tonnage tonnage, SweptAlerts swept) {
        this.tonnage = tonnage;
        this.swept = swept;
    }

    void evaluate(StationDocument station, DailyCapacityRule rule, Instant now) {
        Tonnage.Day today = tonnage.day(station.id(), LocalDate.ofInstant(now, Tonnage.STATION_ZONE));
        boolean reached = today.tonnes() >= station.dailyCapacityTonnes() * rule.percent() / 100.0;
        swept.apply(new AlertKey(station.id(), AlertKey.STATION_WIDE, rule.group()), rule, reached,
                Metric.LOAD_TONNES.id(), today.tonnes(), now);
    }
}
