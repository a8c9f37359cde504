package org.zhonglou.station.alerting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.web.ApiProblem;

@RestController
@Tag(name = "Alerts", description = "Alert rules, alerts and their lifecycle (staff)")
class AlertController {

    private static final int LIMIT = 500;

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Alerts, newest first (at most 500); filter by state and station")
    List<AlertView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String stationId) {
        if (state != null && Arrays.stream(AlertState.values()).noneMatch(s -> s.name().equals(state))) {
            throw ApiProblem.badRequest("Unknown state.", List.of(new FieldProblem("state",
                    "must be ACTIVE, ACKNOWLEDGED or RESOLVED")));
        }
        return alerts.list(state == null ? null : AlertState.valueOf(state), stationId, LIMIT).stream()
                .map(AlertView::of).toList();
    }

    @GetMapping("/api/alerts/{alertId}")
    AlertView get(@PathVariable String alertId) {
        return alerts.find(alertId).map(AlertView::of)
                .orElseThrow(() -> ApiProblem.notFound("No alert '" + alertId + "'."));
    }

    @PostMapping("/api/alerts/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert; idempotent (again, or once resolved, it returns the alert unchanged)")
    AlertView acknowledge(@PathVariable String alertId, @AuthenticationPrincipal Jwt staff) {
        return alerts.acknowledge(alertId, staff.getSubject()).map(AlertView::of)
                .orElseThrow(() -> ApiProblem.notFound("No alert '" + alertId + "'."));
    }

    record AlertView(String id, String stationId, String deviceId, String rule, String metric, Double value,
                     String severity, String state, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt,
                     Instant resolvedAt) {
        static AlertView of(Alert alert) {
            return new AlertView(alert.id(), alert.stationId(), alert.deviceId(), alert.rule(), alert.metric(),
                    alert.value(), alert.severity().name(), alert.state().name(), alert.raisedAt(),
                    alert.acknowledgedBy(), alert.acknowledgedAt(), alert.resolvedAt());
        }
    }
}
