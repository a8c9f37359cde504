package org.zhonglou.station.alerting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    private final MongoTemplate mongo;
    private final AlertBook book;

    AlertController(MongoTemplate mongo, AlertBook book) {
        this.mongo = mongo;
        this.book = book;
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Alerts, newest first (at most 500); filter by state and station")
    List<AlertView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String stationId) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(LIMIT);
        if (state != null) {
            if (Arrays.stream(AlertState.values()).noneMatch(s -> s.name().equals(state))) {
                throw ApiProblem.badRequest("Unknown state.", List.of(new FieldProblem("state",
                        "must be ACTIVE, ACKNOWLEDGED or RESOLVED")));
            }
            query.addCriteria(Criteria.where("state").is(state));
        }
        if (stationId != null) {
            query.addCriteria(Criteria.where("stationId").is(stationId));
        }
        return mongo.find(query, Document.class, AlertBook.ALERTS).stream().map(AlertView::of).toList();
    }

    @GetMapping("/api/alerts/{alertId}")
    AlertView get(@PathVariable String alertId) {
        return book.find(alertId).map(AlertView::of).orElseThrow(() -> ApiProblem.notFound("No alert '" + alertId + "'."));
    }

    @PostMapping("/api/alerts/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert; idempotent (again, or once resolved, it returns the alert unchanged)")
    AlertView acknowledge(@PathVariable String alertId, @AuthenticationPrincipal Jwt staff) {
        return book.acknowledge(alertId, staff.getSubject()).map(AlertView::of)
                .orElseThrow(() -> ApiProblem.notFound("No alert '" + alertId + "'."));
    }

    record AlertView(String id, String stationId, String deviceId, String rule, String metric, Double value,
                     String severity, String state, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt,
                     Instant resolvedAt) {
        static AlertView of(Document d) {
            return new AlertView(d.getString("_id"), d.getString("stationId"), d.getString("deviceId"),
                    d.getString("rule"), d.getString("metric"), d.get("value") instanceof Number n ? n.doubleValue() : null,
                    d.getString("severity"), d.getString("state"), instant(d, "raisedAt"), d.getString("acknowledgedBy"),
                    instant(d, "acknowledgedAt"), instant(d, "resolvedAt"));
        }

        private static Instant instant(Document d, String field) {
            Date date = d.getDate(field);
            return date == null ? null : date.toInstant();
        }
    }
}
