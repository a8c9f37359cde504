package org.zhonglou.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One generator per request body of the public API (docs: shared/spec/api.md), valid in shape, hostile in value. */
public final class RequestBodies {

    public static final List<String> METRICS = List.of("fill_level_pct", "hydraulic_pressure_mpa", "motor_temp_c",
            "h2s_ppm", "nh3_ppm", "negative_pressure_pa", "load_tonnes", "fault_code");
    private static final List<String> SEVERITIES = List.of("WARNING", "MAJOR", "CRITICAL");

    private RequestBodies() {
    }

    /** {@code POST /api/programmes}; the id is unique per call unless the generator bends it. */
    public static String programme(Entropy e, String id) {
        LocalDate start = LocalDate.now().plusDays(30);
        Instant now = Instant.now();
        return JsonShape.object(e)
                .field("id", Hostile.string(e, id))
                .field("name", Hostile.string(e, "暑期托管班"))
                .field("community", Hostile.string(e, "钟楼区"))
                .field("location", Hostile.string(e, "社区中心"))
                .field("startDate", Hostile.quote(Hostile.dateText(e, start)))
                .field("endDate", Hostile.quote(Hostile.dateText(e, start.plusDays(20))))
                .field("dropOffTime", Hostile.string(e, "08:00"))
                .field("minAge", Hostile.number(e, 6))
                .field("maxAge", Hostile.number(e, 12))
                .field("capacity", Hostile.number(e, 20))
                .field("waitlistCapacity", Hostile.number(e, 10))
                .field("signupOpensAt", Hostile.instant(e, now.minusSeconds(3600)))
                .field("signupClosesAt", Hostile.instant(e, now.plus(Duration.ofDays(20))))
                .build();
    }

    /** {@code POST /api/programmes/{id}/enrollments} for a programme taking children aged 6 to 12. */
    public static String signUp(Entropy e) {
        LocalDate born = LocalDate.now().minusYears(8);
        String child = JsonShape.object(e)
                .field("fullName", Hostile.string(e, "王小明"))
                .field("dateOfBirth", Hostile.quote(Hostile.dateText(e, born)))
                .build();
        String guardian = JsonShape.object(e)
                .field("fullName", Hostile.string(e, "王大明"))
                .field("phone", Hostile.string(e, "+86 138 0000 0000"))
                .field("email", Hostile.string(e, "wang@example.cn"))
                .field("language", Hostile.string(e, e.percent(50) ? "zh" : "en"))
                .build();
        return JsonShape.object(e)
                .field("child", child)
                .field("guardian", guardian)
                .field("consentGiven", e.percent(85) ? "true" : JsonShape.wrongType(e))
                .build();
    }

    /** One reading object. */
    public static String reading(Entropy e, Instant now) {
        JsonShape reading = JsonShape.object(e);
        if (e.percent(40)) {
            reading.field("readingId", Hostile.string(e, "r-" + Long.toHexString(e.anyLong())));
        }
        reading.field("metric", Hostile.quote(Hostile.choice(e, METRICS)))
                .field("value", Hostile.number(e, e.between(0, 30)));
        if (e.percent(80)) {
            reading.field("timestamp", Hostile.instant(e, now));
        }
        return reading.build();
    }

    /** {@code POST /api/stations/{id}/readings}: one reading or an array (up to past the 1,000 limit). */
    public static String readings(Entropy e) {
        Instant now = Instant.now();
        if (e.percent(30)) {
            return reading(e, now);
        }
        int count = e.percent(2) ? e.between(990, 1010) : e.between(0, 20);
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(reading(e, now));
        }
        return JsonShape.array(e, items);
    }

    /** {@code PUT /api/stations/{id}/rules}: a list of rules of every kind. */
    public static String rules(Entropy e) {
        int count = e.percent(2) ? e.between(40, 200) : e.between(0, 6);
        List<String> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonShape rule = JsonShape.object(e)
                    .field("name", Hostile.string(e, "rule-" + i))
                    .field("severity", Hostile.quote(Hostile.choice(e, SEVERITIES)));
            switch (e.below(3)) {
                case 0 -> rule.field("kind", Hostile.quote(Hostile.choice(e, List.of("THRESHOLD"))))
                        .field("metric", Hostile.quote(Hostile.choice(e, METRICS)))
                        .field("comparator", Hostile.quote(Hostile.choice(e, List.of("ABOVE", "BELOW"))))
                        .field("threshold", Hostile.number(e, 20))
                        .field("clearThreshold", Hostile.number(e, 10))
                        .field("forSeconds", Hostile.number(e, 60));
                case 1 -> rule.field("kind", Hostile.quote(Hostile.choice(e, List.of("SILENT_DEVICE"))))
                        .field("silentSeconds", Hostile.number(e, 300));
                default -> rule.field("kind", Hostile.quote(Hostile.choice(e, List.of("DAILY_CAPACITY"))))
                        .field("percent", Hostile.number(e, 90));
            }
            rules.add(rule.build());
        }
        return JsonShape.array(e, rules);
    }

    /** {@code POST /api/stations/{id}/commands} to a device of that station. */
    public static String command(Entropy e, String deviceId) {
        JsonShape parameters = JsonShape.object(e);
        for (int i = e.below(4); i > 0; i--) {
            parameters.field(Hostile.text(e, "speed"), e.percent(50) ? Hostile.number(e, 3)
                    : Hostile.string(e, "note"));
        }
        return JsonShape.object(e)
                .field("deviceId", Hostile.string(e, deviceId))
                .field("action", Hostile.quote(Hostile.choice(e, List.of("START", "STOP", "RESET", "RESUME", "PAUSE"))))
                .field("parameters", parameters.build())
                .build();
    }

    /**
     * {@code POST /api/subscriptions}. {@code webhookTarget} is a receiver on this machine (the fuzzers send
     * no traffic elsewhere); e-mail goes to the local mail sink.
     */
    public static String subscription(Entropy e, String webhookTarget) {
        boolean webhook = e.percent(50);
        String target = webhook ? webhookTarget : "ops@example.cn";
        List<String> stations = new ArrayList<>();
        for (int i = e.percent(3) ? 150 : e.below(3); i > 0; i--) {
            stations.add(Hostile.string(e, "longjiang-road"));
        }
        String quietHours = JsonShape.object(e)
                .field("start", Hostile.string(e, "22:00"))
                .field("end", Hostile.string(e, "07:00"))
                .field("timeZone", Hostile.string(e, e.oneOf(List.of("Asia/Shanghai", "UTC", "+08:00", "Mars/Base"))))
                .build();
        JsonShape body = JsonShape.object(e)
                .field("channel", Hostile.quote(Hostile.choice(e, List.of(webhook ? "WEBHOOK" : "EMAIL", "SMS"))))
                .field("target", Hostile.string(e, target))
                .field("stationIds", JsonShape.array(e, stations))
                .field("minSeverity", Hostile.quote(Hostile.choice(e, SEVERITIES)))
                .field("includeResolved", e.percent(80) ? Boolean.toString(e.percent(50)) : JsonShape.wrongType(e));
        if (e.percent(40)) {
            body.field("quietHours", quietHours);
        }
        return body.build();
    }
}
