package org.zhonglou.station.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.zhonglou.contracts.station.Severity;

/**
 * One element of a rule list as JSON carries it: a {@link Rule} of the kind its {@code kind} names, or,
 * when {@code kind} is missing, null or unknown, a {@link WithoutKind} that validation refuses naming
 * {@code [i].kind} together with the element's other problems (as it did before kinds were types).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind",
        defaultImpl = RuleInput.WithoutKind.class)
@JsonSubTypes({@JsonSubTypes.Type(ThresholdRule.class), @JsonSubTypes.Type(SilentDeviceRule.class),
        @JsonSubTypes.Type(DailyCapacityRule.class)})
sealed interface RuleInput permits Rule, RuleInput.WithoutKind {

    String name();

    Severity severity();

    /** Never stored: validation refuses it. The other kinds' fields are accepted so that only kind is named. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WithoutKind(String name, Severity severity) implements RuleInput {
    }
}
