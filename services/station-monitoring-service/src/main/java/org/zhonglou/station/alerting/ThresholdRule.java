package org.zhonglou.station.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.support.refusal.FieldProblem;

/**
 * Fires when a device's {@code metric} stays beyond {@code threshold} for {@code forSeconds}, and clears
 * only once back beyond {@code clearThreshold} (hysteresis). Evaluated per reading by
 * {@link ThresholdEvaluator}; a pending {@code forSeconds} is also promoted by the sweep. Fields of the
 * other kinds are accepted and dropped, as the single rule of every kind used to accept them.
 */
@JsonTypeName("THRESHOLD")
@JsonPropertyOrder({"name", "kind", "severity", "metric", "comparator", "threshold", "clearThreshold", "forSeconds"})
@JsonIgnoreProperties({"silentSeconds", "percent"})
record ThresholdRule(String name, Severity severity, String metric, Comparator comparator, Double threshold,
                            Double clearThreshold, Integer forSeconds) implements Rule {

    /** Threshold rules on the same metric and direction share one alert, which escalates to the strictest. */
    @Override
    public String group() {
        return metric + "." + comparator;
    }

    boolean beyond(double value) {
        return comparator == Comparator.ABOVE ? value > threshold : value < threshold;
    }

    boolean cleared(double value) {
        return comparator == Comparator.ABOVE ? value <= clearThreshold : value >= clearThreshold;
    }

    @Override
    public void validateFields(String at, List<FieldProblem> problems) {
        RuleValidator.require(Metric.byId(metric).isPresent(), at + "metric", "unknown metric", problems);
        RuleValidator.require(comparator != null, at + "comparator", "must be ABOVE or BELOW", problems);
        RuleValidator.require(finite(threshold), at + "threshold", "must be a finite number", problems);
        RuleValidator.require(finite(clearThreshold), at + "clearThreshold", "must be a finite number", problems);
        RuleValidator.require(forSeconds != null && forSeconds >= 0 && forSeconds <= 86_400, at + "forSeconds",
                "must be 0 to 86400", problems);
        if (comparator != null && finite(threshold) && finite(clearThreshold)) {
            boolean above = comparator == Comparator.ABOVE;
            RuleValidator.require(above ? clearThreshold <= threshold : clearThreshold >= threshold,
                    at + "clearThreshold", above ? "must not exceed threshold for ABOVE"
                            : "must not be below threshold for BELOW", problems);
        }
    }

    @Override
    public void evaluate(Evaluation evaluation) {
        evaluation.threshold(this);
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
