package org.zhonglou.station.command;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.station.alerting.AlertBook;
import org.zhonglou.support.web.ApiProblem;

/**
 * Safety interlock: equipment with an open CRITICAL alert (its own, or station-wide) is not started
 * remotely unless a staff member overrides it with a reason, which is recorded on the command.
 */
@Component
class Interlock {

    private final MongoTemplate mongo;

    Interlock(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Returns the override reason to record (null when none was needed); throws 409 when refused. */
    String check(String stationId, String deviceId, CommandController.Action action, boolean override, String reason) {
        if (action != CommandController.Action.START || !criticalOpen(stationId, deviceId)) {
            return null;
        }
        if (override && reason != null && !reason.isBlank()) {
            return reason.strip();
        }
        throw ApiProblem.conflict("interlock", "Interlocked",
                "Device " + deviceId + " has an open CRITICAL alert; START needs override: true and a reason.");
    }

    private boolean criticalOpen(String stationId, String deviceId) {
        return mongo.exists(Query.query(Criteria.where("stationId").is(stationId)
                .orOperator(Criteria.where("deviceId").is(deviceId), Criteria.where("deviceId").is(null))
                .and("severity").is(Severity.CRITICAL.name())
                .and("state").in(AlertState.ACTIVE.name(), AlertState.ACKNOWLEDGED.name())), AlertBook.ALERTS);
    }
}
