package org.zhonglou.station.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.zhonglou.contracts.station.Severity;

/**
 * One alert rule of a station. Which fields apply depends on {@code kind}: THRESHOLD uses metric,
 * comparator, threshold, clearThreshold and forSeconds; SILENT_DEVICE silentSeconds; DAILY_CAPACITY
 * percent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String name, Kind kind, Severity severity, String metric, Comparator comparator, Double threshold,
                   Double clearThreshold, Integer forSeconds, Integer silentSeconds, Double percent) {

    public enum Kind { THRESHOLD, SILENT_DEVICE, DAILY_CAPACITY }

    public enum Comparator { ABOVE, BELOW }

    static Rule threshold(String name, Severity severity, String metric, Comparator comparator, double threshold,
                          double clearThreshold, int forSeconds) {
        return new Rule(name, Kind.THRESHOLD, severity, metric, comparator, threshold, clearThreshold, forSeconds,
                null, null);
    }

    static Rule silentDevice(String name, Severity severity, int silentSeconds) {
        return new Rule(name, Kind.SILENT_DEVICE, severity, null, null, null, null, null, silentSeconds, null);
    }

    static Rule dailyCapacity(String name, Severity severity, double percent) {
        return new Rule(name, Kind.DAILY_CAPACITY, severity, null, null, null, null, null, null, percent);
    }

    /** Threshold rules on the same metric and direction share one alert, which escalates to the strictest. */
    String group() {
        return kind == Kind.THRESHOLD ? metric + "." + comparator : name;
    }

    boolean beyond(double value) {
        return comparator == Comparator.ABOVE ? value > threshold : value < threshold;
    }

    boolean cleared(double value) {
        return comparator == Comparator.ABOVE ? value <= clearThreshold : value >= clearThreshold;
    }
}
