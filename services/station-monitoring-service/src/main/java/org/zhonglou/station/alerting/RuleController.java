package org.zhonglou.station.alerting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.station.station.Stations;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.web.ApiProblem;

@RestController
@Tag(name = "Alerts", description = "Alert rules, alerts and their lifecycle (staff)")
class RuleController {

    static {
        // The sealed kinds are documented as the one flat rule object the API has always shown.
        SpringDocUtils.getConfig().replaceWithClass(Rule.class, RuleSchema.class)
                .replaceWithClass(RuleInput.class, RuleSchema.class);
    }

    private final Stations stations;
    private final Rules rules;

    RuleController(Stations stations, Rules rules) {
        this.stations = stations;
        this.rules = rules;
    }

    @GetMapping("/api/stations/{stationId}/rules")
    List<Rule> get(@PathVariable String stationId) {
        stations.require(stationId);
        return rules.of(stationId);
    }

    @PutMapping("/api/stations/{stationId}/rules")
    @Operation(summary = "Replace the station's rule list",
            description = "THRESHOLD {metric, comparator ABOVE|BELOW, threshold, clearThreshold, forSeconds}: for ABOVE "
                    + "clearThreshold <= threshold, for BELOW the reverse. SILENT_DEVICE {silentSeconds}. "
                    + "DAILY_CAPACITY {percent}. Names are unique slugs.")
    List<Rule> put(@PathVariable String stationId, @RequestBody List<RuleInput> body) {
        stations.require(stationId);
        List<FieldProblem> problems = RuleValidator.problems(body);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("The rule list has invalid fields; nothing was changed.", problems);
        }
        // Valid means every element is a rule of a known kind.
        rules.replace(stationId, body.stream().map(Rule.class::cast).toList());
        return rules.of(stationId);
    }
}
