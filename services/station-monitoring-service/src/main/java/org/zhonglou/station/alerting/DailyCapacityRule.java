package org.zhonglou.station.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.refusal.FieldProblem;

/**
 * Fires station-wide once today's tonnage (Asia/Shanghai day) reaches {@code percent} of the station's
 * daily capacity; evaluated by the sweep ({@link DailyCapacityEvaluator}). Other kinds' fields are
 * accepted and dropped.
 */
@JsonTypeName("DAILY_CAPACITY")
@JsonPropertyOrder({"name", "kind", "severity", "percent"})
@JsonIgnoreProperties({"metric", "comparator", "threshold", "clearThreshold", "forSeconds", "silentSeconds"})
record DailyCapacityRule(String name, Severity severity, Double percent) implements Rule {

    /** Each capacity rule is its own group. */
    @Override
    public String group() {
        return name;
    }

    @Override
    public void validateFields(String at, List<FieldProblem> problems) {
        RuleValidator.require(percent != null && percent > 0 && percent <= 1000, at + "percent",
                "must be above 0 and at most 1000", problems);
    }

    @Override
    public void evaluate(Evaluation evaluation) {
        evaluation.dailyCapacity(this);
    }
}
