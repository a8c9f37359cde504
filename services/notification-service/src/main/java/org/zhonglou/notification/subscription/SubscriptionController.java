package org.zhonglou.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.web.ApiProblem;

@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Subscriptions", description = "A staff member's own alert subscriptions")
class SubscriptionController {

    private final SubscriptionService service;
    private final Subscriptions store;

    SubscriptionController(SubscriptionService service, Subscriptions store) {
        this.service = service;
        this.store = store;
    }

    @PostMapping
    @Operation(summary = "Subscribe to alerts by webhook or e-mail",
            description = "201 with the subscription; for webhooks `signingSecret` is shown here only. 409 "
                    + "subscription-limit when the caller already has SUBSCRIPTIONS_MAX_PER_STAFF (50) subscriptions "
                    + "(a conflict with the caller's current state: deleting one makes room).")
    ResponseEntity<SubscriptionResponse> create(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody SubscriptionRequest request) {
        SubscriptionService.Created created = service.create(jwt.getSubject(), request);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.subscription().id()))
                .body(SubscriptionResponse.of(created.subscription(), created.signingSecret()));
    }

    @GetMapping
    @Operation(summary = "The caller's own subscriptions (without secrets)")
    List<SubscriptionResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return store.findByOwner(jwt.getSubject()).stream().map(s -> SubscriptionResponse.of(s, null)).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one of the caller's subscriptions (another's is 404)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        if (!store.deleteOwn(id, jwt.getSubject())) {
            throw ApiProblem.notFound("No subscription " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    record SubscriptionRequest(
            @NotNull Channel channel,
            @NotBlank String target,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> stationIds,
            @NotNull Severity minSeverity,
            Boolean includeResolved,
            @Valid QuietHoursBody quietHours) {
    }

    record QuietHoursBody(@NotBlank String start, @NotBlank String end, @NotBlank String timeZone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionResponse(String id, Channel channel, String target, List<String> stationIds,
                                Severity minSeverity, boolean includeResolved, QuietHoursBody quietHours,
                                Instant createdAt, String signingSecret) {

        static SubscriptionResponse of(Subscription s, String signingSecret) {
            QuietHoursBody quietHours = s.quietHours() == null ? null : new QuietHoursBody(
                    s.quietHours().start(), s.quietHours().end(), s.quietHours().timeZone());
            return new SubscriptionResponse(s.id(), s.channel(), s.target(), s.stationIds(), s.minSeverity(),
                    s.includeResolved(), quietHours, s.createdAt(), signingSecret);
        }
    }
}
