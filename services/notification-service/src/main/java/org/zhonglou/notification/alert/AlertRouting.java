package org.zhonglou.notification.alert;

import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.notification.subscription.Subscription;

/**
 * Which subscriptions an alert event goes to. Raised, escalated and reminders go to every subscription
 * of the station at or above its minimum severity; resolved only to those that asked for it;
 * acknowledgements only to the live stream (they are staff's own actions, and noise elsewhere).
 */
final class AlertRouting {

    private AlertRouting() {
    }

    static boolean wants(Subscription subscription, String type, AlertEvent alert) {
        if (alert.severity() == null || !subscription.coversStation(alert.stationId())
                || !alert.severity().isAtLeast(subscription.minSeverity())) {
            return false;
        }
        return switch (type) {
            case EventTypes.ALERT_RAISED, EventTypes.ALERT_ESCALATED, AlertNotice.REMINDER_TYPE -> true;
            case EventTypes.ALERT_RESOLVED -> subscription.includeResolved();
            default -> false;
        };
    }
}
