package org.zhonglou.notification.alert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;

/**
 * The last known state of an alert, kept from its events, for reminders: an ACTIVE CRITICAL alert has
 * a {@code nextReminderAt}; acknowledging or resolving it removes that. {@code data} is the JSON of
 * the latest event's data, re-sent with each reminder.
 */
@Document(TrackedAlert.COLLECTION)
record TrackedAlert(
        @Id String alertId,
        String stationId,
        Severity severity,
        AlertState state,
        String data,
        Instant lastOccurredAt,
        Instant nextReminderAt,
        int reminders) {

    static final String COLLECTION = "alert_states";
}
