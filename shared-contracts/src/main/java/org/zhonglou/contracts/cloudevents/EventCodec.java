package org.zhonglou.contracts.cloudevents;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON encoding of event data, used by every producer and consumer so that both sides agree
 * byte for byte with the golden samples. Readers ignore unknown fields: additive changes within a
 * topic version must not break older consumers.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static byte[] encode(Object data) {
        try {
            return MAPPER.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot encode event data " + data.getClass().getSimpleName(), e);
        }
    }

    public static String encodeToString(Object data) {
        return MAPPER.writeValueAsString(data);
    }

    /** @throws IllegalArgumentException when the payload is not valid JSON for {@code type} */
    public static <T> T decode(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + " payload: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + " payload: "
                    + e.getOriginalMessage(), e);
        }
    }
}
