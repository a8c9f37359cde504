package org.zhonglou.station.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhonglou.station.station.StationDocument;
import org.zhonglou.station.station.Stations;
import org.zhonglou.station.storage.LatestValues;

/**
 * Rules that fire on the passage of time rather than on a reading: silent devices, the daily capacity
 * of the station-local day, and threshold rules whose {@code forSeconds} ran out without a further
 * reading. Runs every couple of seconds on every instance; the alerts' deterministic ids keep two
 * instances from raising the same alert twice.
 */
@Component
class AlertSweep {

    private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);

    /** Like Prometheus' staleness: a pending rule whose device has said nothing for this long is not promoted. */
    private static final Duration STALE = Duration.ofMinutes(5);

    private final Stations stations;
    private final Rules rules;
    private final RuleStates states;
    private final LatestValues latest;
    private final Alerts alerts;
    private final SilentDeviceEvaluator silentDevices;
    private final DailyCapacityEvaluator dailyCapacity;
    private final Clock clock;

    AlertSweep(Stations stations, Rules rules, RuleStates states, LatestValues latest, Alerts alerts,
               SilentDeviceEvaluator silentDevices, DailyCapacityEvaluator dailyCapacity, Clock clock) {
        this.stations = stations;
        this.rules = rules;
        this.states = states;
        this.latest = latest;
        this.alerts = alerts;
        this.silentDevices = silentDevices;
        this.dailyCapacity = dailyCapacity;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${station.alerts.sweep-interval:PT2S}", initialDelayString = "PT5S")
    void sweep() {
        Instant now = clock.instant();
        for (StationDocument station : stations.all()) {
            try {
                station(station, now);
            } catch (RuntimeException e) {
                log.warn("Alert sweep of station {} failed, next sweep retries: {}", station.id(), e.getMessage());
            }
        }
        try {
            duePending(now);
        } catch (RuntimeException e) {
            log.warn("Sweep of pending rules failed, next sweep retries: {}", e.getMessage());
        }
    }

    /** Evaluates every rule of the station that the passage of time can fire, each by the evaluator of its kind. */
    void station(StationDocument station, Instant now) {
        LatestValues.Snapshot[] snapshot = new LatestValues.Snapshot[1];
        for (Rule rule : rules.of(station.id())) {
            rule.evaluate(new Rule.Evaluation() {
                @Override
                public void threshold(ThresholdRule threshold) {
                    // Evaluated per reading (ThresholdEvaluator); a pending forSeconds is promoted by duePending.
                }

                @Override
                public void silentDevice(SilentDeviceRule silent) {
                    if (snapshot[0] == null) {
                        snapshot[0] = latest.snapshot(station.id());
                    }
                    silentDevices.evaluate(station.id(), silent, snapshot[0], now);
                }

                @Override
                public void dailyCapacity(DailyCapacityRule capacity) {
                    dailyCapacity.evaluate(station, capacity, now);
                }
            });
        }
    }

    /**
     * A value beyond the threshold for {@code forSeconds} fires even when the device sends nothing more
     * meanwhile: its last reading still stands (a single reading of lost negative pressure must not wait
     * for the next one to alert).
     */
    void duePending(Instant now) {
        for (RuleState pending : states.pending()) {
            ThresholdRule rule = rules.of(pending.stationId()).stream()
                    .filter(r -> r instanceof ThresholdRule && r.name().equals(pending.rule()))
                    .map(ThresholdRule.class::cast).findFirst().orElse(null);
            if (rule == null || pending.staleAt(now, STALE)) {
                continue;
            }
            Instant due = pending.dueAt(rule);
            if (!due.isAfter(now) && states.promote(pending)) {
                alerts.raise(new AlertKey(pending.stationId(), pending.deviceId(), rule.group()), rule, rule.metric(),
                        pending.lastValueOrNull(), due);
            }
        }
    }
}
