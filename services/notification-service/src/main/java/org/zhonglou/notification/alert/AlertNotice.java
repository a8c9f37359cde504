package org.zhonglou.notification.alert;

import java.time.Instant;
import org.zhonglou.contracts.station.AlertEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An alert event as subscribers receive it: the CloudEvent in structured-mode JSON (the webhook body,
 * the SSE data) plus the parsed data for routing. {@code data} is the producer's JSON as received.
 */
public record AlertNotice(String id, String type, String source, String subject, Instant time, AlertEvent alert,
                          String json) {

    public static final String REMINDER_TYPE = "AlertReminder";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public static AlertNotice of(String id, String type, String source, String subject, Instant time,
                                 AlertEvent alert, byte[] rawData) {
        return of(id, type, source, subject, time, alert, MAPPER.readTree(rawData), null);
    }

    /** A reminder of a still-unacknowledged alert; {@code reminder} is its number (extension attribute). */
    public static AlertNotice reminder(String alertId, int reminder, String source, String subject, Instant time,
                                       AlertEvent alert, String rawData) {
        return of(alertId + "/reminder/" + reminder, REMINDER_TYPE, source, subject, time, alert,
                MAPPER.readTree(rawData), reminder);
    }

    private static AlertNotice of(String id, String type, String source, String subject, Instant time,
                                  AlertEvent alert, JsonNode data, Integer reminder) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", id);
        node.put("type", type);
        node.put("source", source);
        node.put("subject", subject);
        node.put("time", time.toString());
        node.put("datacontenttype", "application/json");
        if (reminder != null) {
            node.put("reminder", reminder);
        }
        node.set("data", data);
        return new AlertNotice(id, type, source, subject, time, alert, MAPPER.writeValueAsString(node));
    }
}
