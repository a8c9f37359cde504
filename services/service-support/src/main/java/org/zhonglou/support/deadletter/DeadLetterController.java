package org.zhonglou.support.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.web.ApiProblem;

/** The service's dead-letter topics for staff: what is parked there, and a replay once the cause is fixed. */
@RestController
@Tag(name = "Dead letters", description = "Records a consumer could never process (STAFF)")
class DeadLetterController {

    private static final long MAX_PER_CALL = 10_000;
    private static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(5);

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    record View(String consumer, String topic, String group, String deadLetterTopic, long deadLetteredSinceStart,
                Long waitingForReplay) {
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "This service's consumers and their dead-letter topics",
            description = "waitingForReplay is null while the broker cannot be asked.")
    List<View> list() {
        return deadLetters.consumers().stream().map(consumer -> new View(consumer.name(), consumer.topic(),
                consumer.group(), consumer.deadLetterTopic(), deadLetters.count(consumer), waiting(consumer))).toList();
    }

    @PostMapping("/api/admin/dead-letters/{deadLetterTopic}/replay")
    @Operation(summary = "Send parked records back to their topic, oldest first (after the cause is fixed)",
            description = "At most `max` records (1 to 10000, default 1000) per call; each record is replayed once.")
    DeadLetterReplay.Result replay(@PathVariable String deadLetterTopic,
                                   @RequestParam(defaultValue = "1000") String max) {
        long limit = limit(max);
        DeadLetters.Consumer consumer = deadLetters.byDeadLetterTopic(deadLetterTopic).orElseThrow(() ->
                ApiProblem.notFound("No dead-letter topic " + deadLetterTopic + " in this service."));
        try {
            return replay.replay(consumer, limit);
        } catch (DeadLetterReplay.NotPermitted e) {
            throw ApiProblem.conflict("replay-not-permitted", "Replay not permitted",
                    "This service may not write " + e.topic + " (the broker grants that topic to the service that "
                            + "owns it); nothing was replayed. An operator with the broker's admin login can copy the "
                            + "records back, see the README, 'Kafka users'.");
        } catch (KafkaException | IllegalStateException e) {
            throw ApiProblem.unavailable("The broker cannot be reached; nothing more was replayed.", RETRY_AFTER);
        }
    }

    private Long waiting(DeadLetters.Consumer consumer) {
        try {
            return replay.waiting(consumer);
        } catch (KafkaException e) {
            return null;
        }
    }

    private static long limit(String max) {
        try {
            long limit = Long.parseLong(max);
            if (limit >= 1 && limit <= MAX_PER_CALL) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("Parameter 'max' must be a whole number from 1 to " + MAX_PER_CALL + ".",
                List.of(new FieldProblem("max", "must be 1 to " + MAX_PER_CALL)));
    }
}
