package org.zhonglou.station.alerting;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.zhonglou.station.storage.LatestValues;

/** Evaluates a {@link SilentDeviceRule} at each sweep: one alert per device silent for too long. */
@Component
class SilentDeviceEvaluator {

    private final SweptAlerts swept;

    SilentDeviceEvaluator(SweptAlerts swept) {
        this.swept = swept;
    }

    void evaluate(String stationId, SilentDeviceRule rule, LatestValues.Snapshot snapshot, Instant now) {
        snapshot.devicesLastSeen().forEach((device, lastSeen) -> {
            double silentFor = Duration.between(lastSeen, now).toMillis() / 1000.0;
            swept.apply(new AlertKey(stationId, device, rule.group()), rule, silentFor > rule.silentSeconds(), null,
                    silentFor, now);
        });
    }
}
