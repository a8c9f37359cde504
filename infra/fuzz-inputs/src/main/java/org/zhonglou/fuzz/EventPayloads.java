package org.zhonglou.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka records as a buggy or hostile producer could write them: the JSON data of each event type the
 * services consume, and the CloudEvents binary-mode headers around it.
 */
public final class EventPayloads {

    private static final List<String> ALERT_TYPES = List.of("AlertRaised", "AlertEscalated", "AlertAcknowledged",
            "AlertResolved");
    private static final List<String> ENROLLMENT_TYPES = List.of("EnrollmentConfirmed", "EnrollmentWaitlisted",
            "EnrollmentPromoted", "EnrollmentCancelled");

    private EventPayloads() {
    }

    /** {@code station.readings.v1} data ({@code ReadingsAccepted}) of the given station. */
    public static String readingsAccepted(Entropy e, String stationId) {
        Instant now = Instant.now();
        String batchId = "bat-" + Long.toHexString(e.anyLong());
        List<String> readings = new ArrayList<>();
        for (int i = e.between(0, 5); i > 0; i--) {
            readings.add(RequestBodies.reading(e, now));
        }
        return JsonShape.object(e)
                .field("batchId", Hostile.string(e, batchId))
                .field("stationId", Hostile.string(e, stationId))
                .field("deviceId", Hostile.string(e, "gas-1"))
                .field("receivedAt", Hostile.instant(e, now))
                .field("readings", JsonShape.array(e, readings))
                .build();
    }

    /** {@code station.alerts.v1} data ({@code AlertEvent}). */
    public static String alertEvent(Entropy e, String stationId) {
        return JsonShape.object(e)
                .field("alertId", Hostile.string(e, "alr-" + Long.toHexString(e.anyLong())))
                .field("stationId", Hostile.string(e, stationId))
                .field("deviceId", Hostile.string(e, "gas-1"))
                .field("rule", Hostile.string(e, "odour-gas-high"))
                .field("metric", Hostile.quote(Hostile.choice(e, RequestBodies.METRICS)))
                .field("value", Hostile.number(e, 40))
                .field("severity", Hostile.quote(Hostile.choice(e, List.of("WARNING", "MAJOR", "CRITICAL"))))
                .field("state", Hostile.quote(Hostile.choice(e, List.of("ACTIVE", "ACKNOWLEDGED", "RESOLVED"))))
                .field("occurredAt", Hostile.instant(e, Instant.now()))
                .build();
    }

    /** {@code registration.enrollments.v1} data ({@code EnrollmentEvent}). */
    public static String enrollmentEvent(Entropy e, String enrollmentId) {
        return JsonShape.object(e)
                .field("enrollmentId", Hostile.string(e, enrollmentId))
                .field("programmeId", Hostile.string(e, "summer-" + Long.toHexString(e.anyLong())))
                .field("guardianId", Hostile.string(e, "parent-1"))
                .field("status", Hostile.quote(Hostile.choice(e, List.of("CONFIRMED", "WAITLISTED", "CANCELLED"))))
                .field("waitlistPosition", e.percent(50) ? "null" : Hostile.number(e, 3))
                .field("occurredAt", Hostile.instant(e, Instant.now()))
                .build();
    }

    public static List<String> alertTypes() {
        return ALERT_TYPES;
    }

    public static List<String> enrollmentTypes() {
        return ENROLLMENT_TYPES;
    }

    /** CloudEvents headers ({@code ce_*}) for an event of one of {@code types}, each sometimes missing or bent. */
    public static Map<String, Object> headers(Entropy e, List<String> types, String subject) {
        Map<String, Object> headers = new LinkedHashMap<>();
        put(e, headers, "ce_specversion", e.percent(90) ? "1.0" : Hostile.text(e, "0.3"));
        put(e, headers, "ce_id", Hostile.text(e, "evt-" + Long.toHexString(e.anyLong())));
        put(e, headers, "ce_type", Hostile.choice(e, types));
        put(e, headers, "ce_source", Hostile.text(e, "/zhonglou/fuzz"));
        put(e, headers, "ce_subject", Hostile.text(e, subject));
        put(e, headers, "ce_time", Hostile.instantText(e, Instant.now()));
        put(e, headers, "content-type", "application/json");
        return headers;
    }

    private static void put(Entropy e, Map<String, Object> headers, String name, String value) {
        if (e.percent(96)) {
            headers.put(name, e.percent(50) ? value : value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
