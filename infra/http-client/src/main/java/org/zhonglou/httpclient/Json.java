package org.zhonglou.httpclient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the tools. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return value instanceof String text ? text : MAPPER.writeValueAsString(value);
    }

    public static JsonNode read(String text) {
        return text == null || text.isBlank() ? MAPPER.missingNode() : MAPPER.readTree(text);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
