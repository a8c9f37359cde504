package org.zhonglou.station.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.refusal.FieldProblem;

/**
 * Fires for a device that has reported and then said nothing for more than {@code silentSeconds};
 * evaluated by the sweep ({@link SilentDeviceEvaluator}). Other kinds' fields are accepted and dropped.
 */
@JsonTypeName("SILENT_DEVICE")
@JsonPropertyOrder({"name", "kind", "severity", "silentSeconds"})
@JsonIgnoreProperties({"metric", "comparator", "threshold", "clearThreshold", "forSeconds", "percent"})
record SilentDeviceRule(String name, Severity severity, Integer silentSeconds) implements Rule {

    /** Each silent-device rule is its own group. */
    @Override
    public String group() {
        return name;
    }

    @Override
    public void validateFields(String at, List<FieldProblem> problems) {
        RuleValidator.require(silentSeconds != null && silentSeconds >= 1 && silentSeconds <= 86_400,
                at + "silentSeconds", "must be 1 to 86400", problems);
    }

    @Override
    public void evaluate(Evaluation evaluation) {
        evaluation.silentDevice(this);
    }
}
