package org.zhonglou.station.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;
import org.zhonglou.support.bounds.TimeBounds;
import org.zhonglou.support.refusal.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Checks a readings body (one object or an array) item by item and names every bad field, so a device
 * can fix the whole batch at once. Readings without an id get {@code <batchId>:<index>}.
 */
final class ReadingValidator {

    static final int MAX_BATCH = 1000;
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    private static final int MAX_READING_ID = 128;
    private static final Set<String> FIELDS = Set.of("readingId", "metric", "value", "timestamp");

    /** The readings, or the problems found; never both. */
    record Result(List<Reading> readings, List<FieldProblem> problems) {
    }

    private ReadingValidator() {
    }

    /**
     * @param retention how long raw readings are kept: an older timestamp would be purged as soon as it was
     *                  stored, so it is refused (so is anything before 2000-01-01, whatever the retention)
     */
    static Result validate(JsonNode body, String batchId, Instant receivedAt, Duration retention) {
        Instant oldest = receivedAt.minus(retention);
        Window window = new Window(oldest.isBefore(TimeBounds.EARLIEST) ? TimeBounds.EARLIEST : oldest,
                receivedAt.plus(MAX_FUTURE), receivedAt, retention);
        List<FieldProblem> problems = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        if (body == null || !(body.isObject() || body.isArray())) {
            return new Result(List.of(), List.of(new FieldProblem("$", "must be a reading object or an array of them")));
        }
        if (body.isObject()) {
            item(body, "", batchId + ":0", window, readings, problems);
        } else if (body.isEmpty() || body.size() > MAX_BATCH) {
            problems.add(new FieldProblem("$", "must hold between 1 and " + MAX_BATCH + " readings"));
        } else {
            for (int i = 0; i < body.size(); i++) {
                item(body.get(i), "[" + i + "].", batchId + ":" + i, window, readings, problems);
            }
        }
        return problems.isEmpty() ? new Result(List.copyOf(readings), List.of()) : new Result(List.of(), problems);
    }

    /** The timestamps a reading may carry: from {@code earliest} to {@code latest}, both included. */
    private record Window(Instant earliest, Instant latest, Instant receivedAt, Duration retention) {
    }

    private static void item(JsonNode node, String prefix, String defaultId, Window window,
                             List<Reading> readings, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1),
                    "must be an object"));
            return;
        }
        int before = problems.size();
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "unknown field"));
            }
        }
        String readingId = readingId(node.get("readingId"), prefix, problems);
        Metric metric = metric(node.get("metric"), prefix, problems);
        Double value = value(node.get("value"), metric, prefix, problems);
        Instant timestamp = timestamp(node.get("timestamp"), window, prefix, problems);
        if (problems.size() == before) {
            readings.add(new Reading(readingId == null ? defaultId : readingId, metric.id(), value, timestamp));
        }
    }

    private static String readingId(JsonNode node, String prefix, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String id = node.isString() ? node.asString() : null;
        if (id == null || id.isBlank() || id.length() > MAX_READING_ID || id.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(prefix + "readingId", "must be a text of 1 to " + MAX_READING_ID + " characters"));
            return null;
        }
        return id;
    }

    private static Metric metric(JsonNode node, String prefix, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new FieldProblem(prefix + "metric", "is required"));
            return null;
        }
        Metric metric = node.isString() ? Metric.byId(node.asString()).orElse(null) : null;
        if (metric == null) {
            problems.add(new FieldProblem(prefix + "metric", "unknown metric"));
        }
        return metric;
    }

    private static Double value(JsonNode node, Metric metric, String prefix, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new FieldProblem(prefix + "value", "is required"));
            return null;
        }
        if (!node.isNumber()) {
            problems.add(new FieldProblem(prefix + "value", "must be a number"));
            return null;
        }
        double value = node.asDouble();
        String why = metric == null ? (Double.isFinite(value) ? null : "must be a finite number") : metric.check(value);
        if (why != null) {
            problems.add(new FieldProblem(prefix + "value", why));
            return null;
        }
        return value;
    }

    private static String readable(Duration retention) {
        return retention.toSeconds() % 86_400 == 0 ? retention.toDays() + " days" : retention.toString();
    }

    private static Instant timestamp(JsonNode node, Window window, String prefix, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return window.receivedAt();
        }
        try {
            Instant timestamp = Instant.parse(node.isString() ? node.asString() : "");
            if (timestamp.isAfter(window.latest())) {
                problems.add(new FieldProblem(prefix + "timestamp", "must not be more than 5 minutes in the future"));
            } else if (timestamp.isBefore(TimeBounds.EARLIEST)) {
                problems.add(new FieldProblem(prefix + "timestamp", "must not be before 2000-01-01"));
            } else if (timestamp.isBefore(window.earliest())) {
                problems.add(new FieldProblem(prefix + "timestamp", "must not be older than the raw-reading retention ("
                        + readable(window.retention()) + ")"));
            }
            return timestamp;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(prefix + "timestamp", "must be an ISO-8601 instant such as 2024-08-07T08:00:00Z"));
            return null;
        }
    }
}
