package org.zhonglou.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/** Query strings of the read APIs, each parameter sometimes absent, repeated, extreme or not of its type. */
public final class Queries {

    private Queries() {
    }

    /** {@code GET /api/stations/{id}/readings?metric=&from=&to=&step=}. */
    public static String readings(Entropy e, String stationId) {
        Instant to = Instant.now();
        return "/api/stations/" + encode(stationId) + "/readings" + query(e,
                "metric", Hostile.choice(e, RequestBodies.METRICS),
                "from", Hostile.instantText(e, to.minus(Duration.ofDays(e.between(0, 400)))),
                "to", Hostile.instantText(e, to),
                "step", Hostile.durationText(e, e.oneOf(List.of(Duration.ofMinutes(1), Duration.ofHours(1),
                        Duration.ofDays(1)))));
    }

    /** {@code GET /api/stations/{id}/throughput?from=&to=}. */
    public static String throughput(Entropy e, String stationId) {
        LocalDate today = LocalDate.now();
        return "/api/stations/" + encode(stationId) + "/throughput" + query(e,
                "from", Hostile.dateText(e, today.minusDays(e.between(0, 400))),
                "to", Hostile.dateText(e, today));
    }

    /** {@code GET /api/alerts?state=&stationId=}. */
    public static String alerts(Entropy e, String stationId) {
        return "/api/alerts" + query(e,
                "state", Hostile.choice(e, List.of("ACTIVE", "ACKNOWLEDGED", "RESOLVED")),
                "stationId", Hostile.text(e, stationId));
    }

    /** {@code GET /api/deliveries?subscriptionId=&status=&limit=}. */
    public static String deliveries(Entropy e, String subscriptionId) {
        return "/api/deliveries" + query(e,
                "subscriptionId", Hostile.text(e, subscriptionId),
                "status", Hostile.choice(e, List.of("DELIVERED", "RETRYING", "FAILED", "PENDING")),
                "limit", e.percent(70) ? Integer.toString(e.between(-5, 600)) : Hostile.number(e, 100));
    }

    /**
     * Longest parameter value sent (up to nine characters each once percent-encoded). Tomcat answers a
     * request line over its 8 KB header limit itself, with an HTML page, before any application code runs;
     * that is outside what these targets test.
     */
    static final int MAX_VALUE = 120;

    /** {@code ?a=1&b=2} from name/value pairs; each pair may be dropped, doubled or left without a value. */
    static String query(Entropy e, String... pairs) {
        StringJoiner out = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < pairs.length; i += 2) {
            int roll = e.below(100);
            if (roll < 8) {
                continue;
            }
            String name = encode(pairs[i]);
            out.add(roll < 11 ? name : name + "=" + encode(shorten(pairs[i + 1])));
            if (roll == 11) {
                out.add(name + "=" + encode(shorten(Hostile.text(e, pairs[i + 1]))));
            }
        }
        return out.toString();
    }

    private static String shorten(String value) {
        return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    }

    /** Percent-encoded as a client library would (a lone surrogate becomes '?', as on the wire). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
