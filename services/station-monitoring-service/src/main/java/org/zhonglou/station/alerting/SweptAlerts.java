package org.zhonglou.station.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Raises or resolves the alerts of rules the sweep evaluates. What is known to be open is remembered
 * briefly so a quiet sweep costs few reads; the alerts' deterministic ids keep two instances from raising
 * the same alert twice.
 */
@Component
class SweptAlerts {

    private static final Duration REMEMBER = Duration.ofSeconds(30);

    private final Alerts alerts;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    SweptAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    void apply(AlertKey key, Rule rule, boolean violated, String metric, double value, Instant now) {
        Known known = this.known.get(key.id());
        boolean open = known != null && known.until().isAfter(now) ? known.open() : alerts.isOpen(key);
        if (violated && !open) {
            alerts.raise(key, rule, metric, value, now);
            open = true;
        } else if (!violated && open) {
            alerts.resolve(key, value, now);
            open = false;
        }
        this.known.put(key.id(), new Known(open, now.plus(REMEMBER)));
    }

    private record Known(boolean open, Instant until) {
    }
}
