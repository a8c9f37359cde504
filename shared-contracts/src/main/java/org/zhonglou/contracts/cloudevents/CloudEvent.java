package org.zhonglou.contracts.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope. {@code id} is unique per event and stable across redelivery (it is
 * decided when the event is recorded, not when it is sent); {@code subject} is the aggregate id and
 * doubles as the Kafka key.
 */
public record CloudEvent<T>(String id, String type, String source, String subject, Instant time, T data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** The binary-mode headers, in the order the binding lists them. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /**
     * Reads the attributes back from received headers. Header values arrive as {@code String} when
     * the producer was a Spring client and as raw {@code byte[]} otherwise; both are accepted.
     *
     * @throws IllegalArgumentException when a required attribute is missing or the spec version differs
     */
    public static <T> CloudEvent<T> fromHeaders(Map<String, ?> headers, T data) {
        String specVersion = text(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new IllegalArgumentException("Unsupported CloudEvents spec version: " + specVersion);
        }
        return new CloudEvent<>(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE),
                required(headers, CloudEventHeaders.SUBJECT),
                Instant.parse(required(headers, CloudEventHeaders.TIME)),
                data);
    }

    /**
     * One attribute as text, or null when absent. Spring Cloud Function hands consumers the attributes
     * under its canonical {@code ce-} prefix instead of the Kafka binding's {@code ce_}; both are read.
     */
    public static String text(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    private static String required(Map<String, ?> headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing CloudEvents header " + name);
        }
        return value;
    }
}
