package org.zhonglou.station.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.station.query.Tonnage;
import org.zhonglou.station.station.StationDocument;
import org.zhonglou.station.station.Stations;
import org.zhonglou.station.storage.LatestValues;

/**
 * Rules that fire on the passage of time rather than on a reading: silent devices and the daily capacity
 * of the station-local day. Runs every couple of seconds on every instance; the alert book's
 * deterministic ids keep two instances from raising the same alert twice. What is known to be open is
 * remembered briefly so a quiet sweep costs few reads.
 */
@Component
public class AlertSweep {

    private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);
    private static final Duration REMEMBER = Duration.ofSeconds(30);

    /** Like Prometheus' staleness: a pending rule whose device has said nothing for this long is not promoted. */
    private static final Duration STALE = Duration.ofMinutes(5);

    private final Stations stations;
    private final Rules rules;
    private final RuleStates states;
    private final LatestValues latest;
    private final Tonnage tonnage;
    private final AlertBook book;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    AlertSweep(Stations stations, Rules rules, RuleStates states, LatestValues latest, Tonnage tonnage,
               AlertBook book, Clock clock) {
        this.stations = stations;
        this.rules = rules;
        this.states = states;
        this.latest = latest;
        this.tonnage = tonnage;
        this.book = book;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${station.alerts.sweep-interval:PT2S}", initialDelayString = "PT5S")
    void sweep() {
        Instant now = clock.instant();
        for (StationDocument station : stations.all()) {
            try {
                silentDevices(station.id(), now);
                dailyCapacity(station, now);
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

    /**
     * A value beyond the threshold for {@code forSeconds} fires even when the device sends nothing more
     * meanwhile: its last reading still stands (a single reading of lost negative pressure must not wait
     * for the next one to alert).
     */
    public void duePending(Instant now) {
        for (RuleStates.Pending pending : states.pending()) {
            Rule rule = rules.of(pending.stationId()).stream()
                    .filter(r -> r.kind() == Rule.Kind.THRESHOLD && r.name().equals(pending.rule()))
                    .findFirst().orElse(null);
            if (rule == null || pending.lastAt() == null || pending.lastAt().isBefore(now.minus(STALE))) {
                continue;
            }
            Instant due = pending.since().plusSeconds(rule.forSeconds());
            if (!due.isAfter(now) && states.promote(pending)) {
                book.raise(new AlertKey(pending.stationId(), pending.deviceId(), rule.group()), rule, rule.metric(),
                        Double.isNaN(pending.lastValue()) ? null : pending.lastValue(), due);
            }
        }
    }

    public void silentDevices(String stationId, Instant now) {
        LatestValues.Snapshot snapshot = latest.snapshot(stationId);
        for (Rule rule : rules.of(stationId)) {
            if (rule.kind() != Rule.Kind.SILENT_DEVICE) {
                continue;
            }
            snapshot.devicesLastSeen().forEach((device, lastSeen) -> {
                AlertKey key = new AlertKey(stationId, device, rule.group());
                double silentFor = Duration.between(lastSeen, now).toMillis() / 1000.0;
                apply(key, rule, silentFor > rule.silentSeconds(), null, silentFor, now);
            });
        }
    }

    public void dailyCapacity(StationDocument station, Instant now) {
        Tonnage.Day today = null;
        for (Rule rule : rules.of(station.id())) {
            if (rule.kind() != Rule.Kind.DAILY_CAPACITY) {
                continue;
            }
            if (today == null) {
                today = tonnage.day(station.id(), LocalDate.ofInstant(now, Tonnage.STATION_ZONE));
            }
            boolean reached = today.tonnes() >= station.dailyCapacityTonnes() * rule.percent() / 100.0;
            AlertKey key = new AlertKey(station.id(), AlertKey.STATION_WIDE, rule.group());
            apply(key, rule, reached, Metric.LOAD_TONNES.id(), today.tonnes(), now);
        }
    }

    private void apply(AlertKey key, Rule rule, boolean violated, String metric, double value, Instant now) {
        Known known = this.known.get(key.id());
        boolean open = known != null && known.until().isAfter(now) ? known.open() : book.isOpen(key);
        if (violated && !open) {
            book.raise(key, rule, metric, value, now);
            open = true;
        } else if (!violated && open) {
            book.resolve(key, value, now);
            open = false;
        }
        this.known.put(key.id(), new Known(open, now.plus(REMEMBER)));
    }

    private record Known(boolean open, Instant until) {
    }
}
