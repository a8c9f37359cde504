package org.zhonglou.station.command;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;
import org.zhonglou.support.outbox.OutboxEvent;

/**
 * A {@link Command} as stored ({@code commands}, one document with its outbox): the one place that knows
 * its field names.
 */
public final class CommandDocuments {

    public static final String COLLECTION = "commands";

    static final String ID = "_id";
    static final String STATION_ID = "stationId";
    static final String DEVICE_ID = "deviceId";
    static final String ACTION = "action";
    static final String PARAMETERS = "parameters";
    static final String STATUS = "status";
    static final String MESSAGE = "message";
    static final String ISSUED_BY = "issuedBy";
    static final String ISSUED_AT = "issuedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String PICKED_UP_AT = "pickedUpAt";
    static final String COMPLETED_AT = "completedAt";
    static final String INTERLOCK_OVERRIDE = "interlockOverride";
    static final String OVERRIDE_BY = "by";
    static final String OVERRIDE_REASON = "reason";
    static final String OVERRIDE_AT = "at";
    static final String OVERRIDE_ALERT_IDS = "alertIds";

    private CommandDocuments() {
    }

    static Document document(Command command, Document outboxEntry) {
        Document document = new Document(ID, command.id()).append(STATION_ID, command.stationId())
                .append(DEVICE_ID, command.deviceId()).append(ACTION, command.action())
                .append(PARAMETERS, command.parameters()).append(STATUS, command.status().name())
                .append(ISSUED_BY, command.issuedBy()).append(ISSUED_AT, date(command.issuedAt()))
                .append(EXPIRES_AT, date(command.expiresAt()));
        InterlockOverride override = command.interlockOverride();
        if (override != null) {
            document.append(INTERLOCK_OVERRIDE, new Document(OVERRIDE_BY, override.by())
                    .append(OVERRIDE_REASON, override.reason()).append(OVERRIDE_AT, date(override.at()))
                    .append(OVERRIDE_ALERT_IDS, override.alertIds()));
        }
        return document.append(OutboxEvent.FIELD, List.of(outboxEntry));
    }

    @SuppressWarnings("unchecked")
    static Command command(Document d) {
        Object parameters = d.get(PARAMETERS);
        return new Command(d.getString(ID), d.getString(STATION_ID), d.getString(DEVICE_ID), d.getString(ACTION),
                parameters instanceof Map<?, ?> map ? (Map<String, Object>) map : null,
                CommandStatus.valueOf(d.getString(STATUS)), d.getString(MESSAGE), d.getString(ISSUED_BY),
                instant(d, ISSUED_AT), instant(d, EXPIRES_AT), instant(d, PICKED_UP_AT), instant(d, COMPLETED_AT),
                override(d.get(INTERLOCK_OVERRIDE, Document.class)));
    }

    private static InterlockOverride override(Document o) {
        return o == null ? null : new InterlockOverride(o.getString(OVERRIDE_BY), o.getString(OVERRIDE_REASON),
                o.getDate(OVERRIDE_AT).toInstant(), o.getList(OVERRIDE_ALERT_IDS, String.class, List.of()));
    }

    /** A device's PENDING commands, oldest first, at most {@code limit}. */
    static Query pendingFor(String stationId, String deviceId, int limit) {
        return Query.query(Criteria.where(STATION_ID).is(stationId).and(DEVICE_ID).is(deviceId)
                .and(STATUS).is(CommandStatus.PENDING.name())).with(Sort.by(ISSUED_AT)).limit(limit);
    }

    static Query notPickedUp(String id) {
        return Query.query(Criteria.where(ID).is(id).and(PICKED_UP_AT).is(null));
    }

    static Update pickUp(Command after) {
        return new Update().set(PICKED_UP_AT, date(after.pickedUpAt()));
    }

    static Query pending(String id) {
        return Query.query(Criteria.where(ID).is(id).and(STATUS).is(CommandStatus.PENDING.name()));
    }

    static Query pendingNotPickedUp(String id) {
        return Query.query(Criteria.where(ID).is(id).and(STATUS).is(CommandStatus.PENDING.name())
                .and(PICKED_UP_AT).is(null));
    }

    /** PENDING commands never picked up whose expiry has passed, at most {@code limit}. */
    static Query expiredUnseen(Instant now, int limit) {
        return Query.query(Criteria.where(STATUS).is(CommandStatus.PENDING.name()).and(PICKED_UP_AT).is(null)
                .and(EXPIRES_AT).lte(date(now))).limit(limit);
    }

    /** The completion, with its event appended to the outbox in the same write. */
    static Update completion(Command after, Document outboxEntry) {
        return new Update().set(STATUS, after.status().name()).set(MESSAGE, after.message())
                .set(COMPLETED_AT, date(after.completedAt())).push(OutboxEvent.FIELD, outboxEntry);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
