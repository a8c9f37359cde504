package org.zhonglou.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a JSON object of a known shape and bends it the ways clients get it wrong: a field left out or
 * sent twice, a value of the wrong type, fields nobody asked for, nesting deep enough to hurt a parser,
 * or a document cut short.
 */
public final class JsonShape {

    private static final List<String> WRONG_TYPES = List.of("null", "true", "[]", "{}", "\"\"", "0", "-1",
            "[null]", "{\"$gt\": \"\"}", "\"1\"", "[1, 2, 3]");

    private final Entropy e;
    private final List<String> members = new ArrayList<>();

    private JsonShape(Entropy e) {
        this.e = e;
    }

    public static JsonShape object(Entropy e) {
        return new JsonShape(e);
    }

    /** Adds {@code name} with {@code json} as its value, most of the time. */
    public JsonShape field(String name, String json) {
        int roll = e.below(100);
        if (roll < 6) {
            return this;
        }
        String value = roll < 12 ? wrongType(e) : json;
        members.add(Hostile.quote(roll == 12 ? Hostile.text(e, name) : name) + ": " + value);
        if (roll == 13) {
            members.add(Hostile.quote(name) + ": " + wrongType(e));
        }
        return this;
    }

    /** The object as text, sometimes with extra members, deep nesting or cut short. */
    public String build() {
        if (e.percent(5)) {
            members.add(Hostile.string(e, "extra") + ": " + wrongType(e));
        }
        if (e.percent(2)) {
            members.add("\"deep\": " + deep(e.between(100, 5000)));
        }
        String json = "{" + String.join(", ", members) + "}";
        return e.percent(3) ? json.substring(0, e.below(json.length())) : json;
    }

    /** A JSON array of the given items, sometimes wrapped or emptied. */
    public static String array(Entropy e, List<String> items) {
        return e.percent(3) ? wrongType(e) : "[" + String.join(", ", items) + "]";
    }

    public static String wrongType(Entropy e) {
        return e.percent(5) ? deep(e.between(10, 3000)) : e.oneOf(WRONG_TYPES);
    }

    static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
