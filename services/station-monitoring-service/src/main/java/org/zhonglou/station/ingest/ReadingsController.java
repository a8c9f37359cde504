package org.zhonglou.station.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.station.device.DeviceIdentity;
import org.zhonglou.support.messaging.CloudEventPublisher;
import org.zhonglou.support.messaging.EventPublishingException;
import org.zhonglou.support.web.ApiProblem;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Readings", description = "Device telemetry (X-Device-Key)")
class ReadingsController {

    private static final Logger log = LoggerFactory.getLogger(ReadingsController.class);
    private static final Duration BROKER_RETRY_AFTER = Duration.ofSeconds(5);

    private final IngestGate gate;
    private final CloudEventPublisher publisher;
    private final Clock clock;
    private final Duration retention;

    ReadingsController(IngestGate gate, CloudEventPublisher publisher, Clock clock,
                       @Value("${station.storage.raw-retention:P90D}") Duration retention) {
        this.gate = gate;
        this.publisher = publisher;
        this.clock = clock;
        this.retention = retention;
    }

    @PostMapping("/api/stations/{stationId}/readings")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @SecurityRequirement(name = "deviceKey")
    @Operation(summary = "Post one reading or an array of up to 1,000; 202 only once they are durably on Kafka",
            description = "A batch with any invalid item is rejected whole (400, each bad item named as [i].field). "
                    + "Each device may send INGEST_READINGS_PER_SECOND readings per second (100) with a backlog of INGEST_BURST (6,000) at once, "
                    + "and have at most INGEST_MAX_IN_FLIGHT_PER_DEVICE batches (16) waiting for the broker: 429 beyond. "
                    + "A timestamp must lie between now minus the raw-reading retention (RAW_RETENTION, P90D; never "
                    + "before 2000-01-01) and 5 minutes from now. 429 and 503 carry Retry-After.")
    Accepted post(@PathVariable String stationId, @RequestBody JsonNode body,
                  @AuthenticationPrincipal DeviceIdentity device) {
        if (!device.stationId().equals(stationId)) {
            throw ApiProblem.forbidden("This device key belongs to another station.");
        }
        Instant receivedAt = clock.instant();
        String batchId = UUID.randomUUID().toString();
        ReadingValidator.Result result = ReadingValidator.validate(body, batchId, receivedAt, retention);
        if (!result.problems().isEmpty()) {
            throw ApiProblem.badRequest(result.problems().size() + " reading field(s) are invalid; nothing was stored.",
                    result.problems());
        }
        gate.checkRate(stationId, device.deviceId(), result.readings().size());
        ReadingsAccepted batch = new ReadingsAccepted(batchId, stationId, device.deviceId(), receivedAt,
                result.readings());
        return gate.inFlight(stationId, device.deviceId(), () -> publish(batch));
    }

    private Accepted publish(ReadingsAccepted batch) {
        try {
            publisher.publish(Topics.STATION_READINGS, ReadingsEvents.of(batch, publisher.source()));
        } catch (EventPublishingException e) {
            log.warn("Batch {} of station {} not accepted, broker unavailable: {}", batch.batchId(),
                    batch.stationId(), e.getMessage());
            throw ApiProblem.unavailable("The readings could not be stored right now; nothing was accepted. "
                    + "Send the same batch again.", BROKER_RETRY_AFTER);
        }
        return new Accepted(batch.readings().size(), batch.batchId());
    }

    record Accepted(int accepted, String batchId) {
    }
}
