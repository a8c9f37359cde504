package org.zhonglou.station.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.refusal.FieldProblem;

/**
 * One alert rule of a station, of one kind: a closed set, one record per kind. The JSON (API and store)
 * names the kind in {@code kind} ({@link JsonTypeName} of the record), as the single flat rule did.
 * Adding a kind is one record here (listed in {@code permits} and in {@link RuleInput}'s subtypes) and
 * one evaluator: the record must say how it validates and how it is evaluated ({@link Evaluation}), and
 * {@code RuleKindsTest} runs every permitted record through validation, storage and evaluation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "kind", "severity"})
sealed interface Rule extends RuleInput permits ThresholdRule, SilentDeviceRule, DailyCapacityRule {

    enum Comparator { ABOVE, BELOW }

    String name();

    Severity severity();

    /** The kind as the JSON names it. */
    @JsonProperty("kind")
    default String kind() {
        return kindOf(getClass());
    }

    /** Rules of one group share one open alert per device. */
    String group();

    /** Adds the problems of this kind's own fields, each named {@code at + field}. */
    void validateFields(String at, List<FieldProblem> problems);

    /** Hands this rule to the evaluation of its kind. */
    void evaluate(Evaluation evaluation);

    /**
     * What evaluates each kind. One method per kind: a new kind adds one here, and every evaluation then
     * fails to compile until it handles it (what an exhaustive switch over the sealed type gives on Java 21).
     */
    interface Evaluation {
        void threshold(ThresholdRule rule);

        void silentDevice(SilentDeviceRule rule);

        void dailyCapacity(DailyCapacityRule rule);
    }

    static ThresholdRule threshold(String name, Severity severity, String metric, Comparator comparator,
                                   double threshold, double clearThreshold, int forSeconds) {
        return new ThresholdRule(name, severity, metric, comparator, threshold, clearThreshold, forSeconds);
    }

    static SilentDeviceRule silentDevice(String name, Severity severity, int silentSeconds) {
        return new SilentDeviceRule(name, severity, silentSeconds);
    }

    static DailyCapacityRule dailyCapacity(String name, Severity severity, double percent) {
        return new DailyCapacityRule(name, severity, percent);
    }

    static String kindOf(Class<?> kind) {
        return kind.getAnnotation(JsonTypeName.class).value();
    }

    /** "THRESHOLD, SILENT_DEVICE or DAILY_CAPACITY", from the permitted kinds. */
    static String kindNames() {
        List<String> names = Arrays.stream(Rule.class.getPermittedSubclasses()).map(Rule::kindOf).toList();
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + names.get(names.size() - 1);
    }
}
