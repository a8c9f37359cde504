package org.zhonglou.station.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.station.CommandEvent;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;
import org.zhonglou.station.outbox.OutboxDocuments;
import org.zhonglou.support.outbox.OutboxEvent;
import org.zhonglou.support.outbox.OutboxRelay;

/**
 * Remote commands. A command and its pending events live in one document ({@code commands}); every status
 * change is a conditional update from PENDING, so a result, a second result and the expiry can never all
 * win: exactly one CommandCompleted per command (EXPIRED and REFUSED are completions too).
 */
@Service
class Commands {

    static final String COLLECTION = "commands";
    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Interlock interlock;
    private final Clock clock;
    private final Duration expiry;

    Commands(MongoTemplate mongo, OutboxRelay relay, Interlock interlock, Clock clock,
             @Value("${station.commands.expiry:PT10M}") Duration expiry) {
        this.mongo = mongo;
        this.interlock = interlock;
        this.relay = relay;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** Issues a command once the interlock lets it through (409 otherwise); an override is recorded on it. */
    Document issue(String stationId, String deviceId, Action action, Map<String, Object> parameters, String staffId,
                   boolean overrideRequested, String reason) {
        Instant now = clock.instant();
        InterlockOverride override = interlock.check(stationId, action, overrideRequested, reason, staffId, now);
        String id = "cmd-" + UUID.randomUUID();
        Document command = new Document("_id", id).append("stationId", stationId).append("deviceId", deviceId)
                .append("action", action.name()).append("parameters", parameters == null ? Map.of() : parameters)
                .append("status", CommandStatus.PENDING.name()).append("issuedBy", staffId)
                .append("issuedAt", Date.from(now)).append("expiresAt", Date.from(now.plus(expiry)));
        if (override != null) {
            command.append("interlockOverride", new Document("by", override.by()).append("reason", override.reason())
                    .append("at", Date.from(override.at())).append("alertIds", override.alertIds()));
        }
        command.append(OutboxEvent.FIELD, List.of(outbox(EventTypes.COMMAND_ISSUED, command, CommandStatus.PENDING, null, now)));
        mongo.insert(command, COLLECTION);
        relay.relaySoon(COLLECTION, id);
        log.info("Command {} {} issued to {} of {} by {}{}", id, action, deviceId, stationId, staffId,
                override == null ? "" : " overriding the interlock");
        return command;
    }

    /**
     * The device's pending commands; the first fetch marks them picked up, which stops their expiry. A
     * command the interlock holds back (it would start equipment while a CRITICAL alert opened after it
     * was issued is still open) is never handed over: it becomes REFUSED, with a CommandCompleted event.
     */
    List<Document> pendingFor(String stationId, String deviceId) {
        Instant now = clock.instant();
        Criteria mine = Criteria.where("stationId").is(stationId).and("deviceId").is(deviceId)
                .and("status").is(CommandStatus.PENDING.name());
        List<Document> pending = mongo.find(Query.query(mine).with(Sort.by("issuedAt")).limit(100), Document.class,
                COLLECTION);
        pending.removeIf(c -> c.get("pickedUpAt") == null && !c.getDate("expiresAt").toInstant().isAfter(now));
        List<String> openCritical = null;
        List<Document> handedOver = new ArrayList<>();
        for (Document command : pending) {
            if (command.get("pickedUpAt") != null) {
                handedOver.add(command);
                continue;
            }
            if (Action.startsEquipment(command.getString("action"))) {
                openCritical = openCritical == null ? interlock.openCritical(stationId) : openCritical;
                String held = Interlock.holdsBack(command, openCritical);
                if (held != null) {
                    refuse(command, held, now);
                    continue;
                }
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(command.get("_id")).and("pickedUpAt").is(null)),
                    new Update().set("pickedUpAt", Date.from(now)), COLLECTION);
            handedOver.add(command);
        }
        return handedOver;
    }

    private void refuse(Document command, String reason, Instant now) {
        transition(Query.query(Criteria.where("_id").is(command.get("_id"))
                .and("status").is(CommandStatus.PENDING.name()).and("pickedUpAt").is(null)),
                CommandStatus.REFUSED, reason, now);
    }

    /** Completes a PENDING command; null when it is not PENDING any more. */
    Document complete(String commandId, CommandStatus status, String message) {
        Instant now = clock.instant();
        return transition(Query.query(Criteria.where("_id").is(commandId).and("status").is(CommandStatus.PENDING.name())),
                status, message, now);
    }

    Document find(String commandId) {
        return mongo.findById(commandId, Document.class, COLLECTION);
    }

    /** Expires commands never picked up in time; returns how many. */
    int expire() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").is(CommandStatus.PENDING.name()).and("pickedUpAt").is(null)
                .and("expiresAt").lte(Date.from(now))).limit(500);
        int expired = 0;
        for (Document command : mongo.find(due, Document.class, COLLECTION)) {
            Query stillDue = Query.query(Criteria.where("_id").is(command.get("_id"))
                    .and("status").is(CommandStatus.PENDING.name()).and("pickedUpAt").is(null));
            if (transition(stillDue, CommandStatus.EXPIRED, "not picked up within " + expiry, now) != null) {
                expired++;
            }
        }
        return expired;
    }

    private Document transition(Query query, CommandStatus status, String message, Instant now) {
        Document before = mongo.findOne(query, Document.class, COLLECTION);
        if (before == null) {
            return null;
        }
        Update update = new Update().set("status", status.name()).set("message", message)
                .set("completedAt", Date.from(now))
                .push(OutboxEvent.FIELD, outbox(EventTypes.COMMAND_COMPLETED, before, status, message, now));
        Document after = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (after != null) {
            relay.relaySoon(COLLECTION, after.get("_id"));
            log.info("Command {} {}", after.get("_id"), status);
        }
        return after;
    }

    private static Document outbox(String type, Document command, CommandStatus status, String message, Instant now) {
        CommandEvent data = new CommandEvent(command.getString("_id"), command.getString("stationId"),
                command.getString("deviceId"), command.getString("action"), status, message, now,
                override(command));
        return OutboxDocuments.of(Topics.STATION_COMMANDS, type, data.stationId(), now, data);
    }

    static InterlockOverride override(Document command) {
        Document o = command.get("interlockOverride", Document.class);
        return o == null ? null : new InterlockOverride(o.getString("by"), o.getString("reason"),
                o.getDate("at").toInstant(), o.getList("alertIds", String.class, List.of()));
    }
}
