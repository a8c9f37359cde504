package org.zhonglou.station.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.station.CommandEvent.InterlockOverride;
import org.zhonglou.contracts.station.CommandStatus;
import org.zhonglou.station.outbox.OutboxDocuments;
import org.zhonglou.support.outbox.OutboxRelay;

/**
 * Remote commands. A command and its pending events live in one document ({@link CommandDocuments}); every
 * status change is a conditional update from PENDING, so a result, a second result and the expiry can never
 * all win: exactly one CommandCompleted per command (EXPIRED and REFUSED are completions too).
 */
@Service
class Commands {

    static final String COLLECTION = CommandDocuments.COLLECTION;
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

    /** Issues a command once the interlock lets it through (refused otherwise); an override is recorded on it. */
    Command issue(String stationId, String deviceId, Action action, Map<String, Object> parameters, String staffId,
                  boolean overrideRequested, String reason) {
        Instant now = clock.instant();
        InterlockOverride override = interlock.check(stationId, action, overrideRequested, reason, staffId, now);
        Command command = Command.issue("cmd-" + UUID.randomUUID(), stationId, deviceId, action, parameters, staffId,
                now, now.plus(expiry), override);
        mongo.insert(CommandDocuments.document(command, outbox(EventTypes.COMMAND_ISSUED, command, now)), COLLECTION);
        relay.relaySoon(COLLECTION, command.id());
        log.info("Command {} {} issued to {} of {} by {}{}", command.id(), action, deviceId, stationId, staffId,
                override == null ? "" : " overriding the interlock");
        return command;
    }

    /**
     * The device's pending commands; the first fetch marks them picked up, which stops their expiry. A
     * command the interlock holds back (it would start equipment while a CRITICAL alert opened after it
     * was issued is still open) is never handed over: it becomes REFUSED, with a CommandCompleted event.
     */
    List<Command> pendingFor(String stationId, String deviceId) {
        Instant now = clock.instant();
        List<Command> pending = new ArrayList<>(commands(CommandDocuments.pendingFor(stationId, deviceId, 100)));
        pending.removeIf(command -> command.expiredUnseen(now));
        List<String> openCritical = null;
        List<Command> handedOver = new ArrayList<>();
        for (Command command : pending) {
            if (command.pickedUp()) {
                handedOver.add(command);
                continue;
            }
            if (command.startsEquipment()) {
                openCritical = openCritical == null ? interlock.openCritical(stationId) : openCritical;
                String held = Interlock.holdsBack(command, openCritical);
                if (held != null) {
                    transition(CommandDocuments.pendingNotPickedUp(command.id()), CommandStatus.REFUSED, held, now);
                    continue;
                }
            }
            mongo.updateFirst(CommandDocuments.notPickedUp(command.id()),
                    CommandDocuments.pickUp(command.pickedUpAt(now)), COLLECTION);
            handedOver.add(command);
        }
        return handedOver;
    }

    /** Completes a PENDING command; empty when it is not PENDING any more. */
    Optional<Command> complete(String commandId, CommandStatus status, String message) {
        return transition(CommandDocuments.pending(commandId), status, message, clock.instant());
    }

    Optional<Command> find(String commandId) {
        return Optional.ofNullable(mongo.findById(commandId, Document.class, COLLECTION))
                .map(CommandDocuments::command);
    }

    /** Expires commands never picked up in time; returns how many. */
    int expire() {
        Instant now = clock.instant();
        int expired = 0;
        for (Command command : commands(CommandDocuments.expiredUnseen(now, 500))) {
            if (transition(CommandDocuments.pendingNotPickedUp(command.id()), CommandStatus.EXPIRED,
                    "not picked up within " + expiry, now).isPresent()) {
                expired++;
            }
        }
        return expired;
    }

    private Optional<Command> transition(Query query, CommandStatus status, String message, Instant now) {
        Document before = mongo.findOne(query, Document.class, COLLECTION);
        if (before == null) {
            return Optional.empty();
        }
        Command completed = CommandDocuments.command(before).completed(status, message, now);
        Document after = mongo.findAndModify(query, CommandDocuments.completion(completed,
                        outbox(EventTypes.COMMAND_COMPLETED, completed, now)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (after == null) {
            return Optional.empty();
        }
        relay.relaySoon(COLLECTION, completed.id());
        log.info("Command {} {}", completed.id(), status);
        return Optional.of(CommandDocuments.command(after));
    }

    private List<Command> commands(Query query) {
        return mongo.find(query, Document.class, COLLECTION).stream().map(CommandDocuments::command).toList();
    }

    private static Document outbox(String type, Command command, Instant now) {
        return OutboxDocuments.of(Topics.STATION_COMMANDS, type, command.stationId(), now, command.event(now));
    }
}
