package org.zhonglou.loadtools.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A programme's roster as staff see it: the confirmed children and the ordered waitlist. Read by field
 * name ({@code confirmed...}, {@code waitlist...}) so the tools do not depend on the exact wrapper.
 */
public record Roster(List<JsonNode> confirmed, List<JsonNode> waitlist) {

    public static Roster of(JsonNode roster) {
        List<JsonNode> confirmed = new ArrayList<>();
        List<JsonNode> waitlist = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : roster.properties()) {
            String name = field.getKey().toLowerCase();
            if (field.getValue().isArray() && name.startsWith("confirmed")) {
                field.getValue().forEach(confirmed::add);
            } else if (field.getValue().isArray() && name.startsWith("waitlist")) {
                field.getValue().forEach(waitlist::add);
            }
        }
        return new Roster(confirmed, waitlist);
    }

    public List<Integer> waitlistPositions() {
        return waitlist.stream().map(entry -> entry.path("waitlistPosition").asInt(-1)).toList();
    }

    /** Whether the waitlist positions are exactly 1..n in order (no gap, no duplicate). */
    public boolean waitlistConsistent() {
        List<Integer> positions = waitlistPositions();
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) != i + 1) {
                return false;
            }
        }
        return true;
    }
}
