package org.zhonglou.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.subscription.Subscriptions;
import org.zhonglou.support.web.ApiProblem;

@RestController
@RequestMapping("/api/deliveries")
@Tag(name = "Deliveries", description = "Delivery log of the caller's subscriptions, with every attempt")
class DeliveryController {

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DeliveryWorker worker;
    private final NotificationProperties properties;
    private final Clock clock;

    DeliveryController(Deliveries deliveries, Subscriptions subscriptions, DeliveryWorker worker,
                       NotificationProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Deliveries of the caller's subscriptions, newest first (at most `limit`)")
    List<DeliveryResponse> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) String subscriptionId,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (subscriptionId != null && subscriptions.findOwn(subscriptionId, jwt.getSubject()).isEmpty()) {
            throw ApiProblem.notFound("No subscription " + subscriptionId + ".");
        }
        return deliveries.list(jwt.getSubject(), subscriptionId, status, limit).stream()
                .map(DeliveryResponse::of).toList();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a FAILED delivery again with a fresh set of attempts",
            description = "202 with the delivery (RETRYING); 409 unless it is FAILED; another's is 404.")
    ResponseEntity<DeliveryResponse> retry(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Delivery delivery = deliveries.find(id).filter(d -> d.owner().equals(jwt.getSubject()))
                .orElseThrow(() -> ApiProblem.notFound("No delivery " + id + "."));
        if (delivery.status() != DeliveryStatus.FAILED) {
            throw notFailed(delivery.status());
        }
        Delivery reopened = deliveries.reopen(delivery, properties.delivery().maxAttempts(), clock.instant(),
                properties.delivery().lease()).orElseThrow(() -> notFailed(DeliveryStatus.RETRYING));
        worker.attemptSoon(reopened);
        return ResponseEntity.accepted().body(DeliveryResponse.of(reopened));
    }

    private static ApiProblem notFailed(DeliveryStatus status) {
        return ApiProblem.conflict("not-failed", "Delivery not failed",
                "Only a FAILED delivery can be retried; this one is " + status + ".");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryResponse(String id, String subscriptionId, String eventId, String eventType, String alertId,
                            String stationId, Severity severity, DeliveryStatus status, List<Attempt> attempts,
                            Instant nextAttemptAt, Instant createdAt, Instant completedAt) {

        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.alertId(),
                    d.stationId(), d.severity(), d.status(), d.attempts() == null ? List.of() : d.attempts(),
                    d.nextAttemptAt(), d.createdAt(), d.completedAt());
        }
    }
}
