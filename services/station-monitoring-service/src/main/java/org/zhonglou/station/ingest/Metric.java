package org.zhonglou.station.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The metric catalogue of the public contract: name, unit and physical range. */
public enum Metric {
    FILL_LEVEL_PCT("fill_level_pct", "%", 0, 100, false),
    HYDRAULIC_PRESSURE_MPA("hydraulic_pressure_mpa", "MPa", 0, 40, false),
    MOTOR_TEMP_C("motor_temp_c", "°C", -40, 200, false),
    H2S_PPM("h2s_ppm", "ppm", 0, 500, false),
    NH3_PPM("nh3_ppm", "ppm", 0, 1000, false),
    NEGATIVE_PRESSURE_PA("negative_pressure_pa", "Pa", -2000, 500, false),
    LOAD_TONNES("load_tonnes", "t", 0, 30, false),
    FAULT_CODE("fault_code", "", 0, Integer.MAX_VALUE, true);

    private static final Map<String, Metric> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Metric::id, Function.identity()));

    private final String id;
    private final String unit;
    private final double min;
    private final double max;
    private final boolean integer;

    Metric(String id, String unit, double min, double max, boolean integer) {
        this.id = id;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.integer = integer;
    }

    public static Optional<Metric> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_NAME.get(id));
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** Null when the value is acceptable, otherwise why not. */
    public String check(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number";
        }
        if (value < min || value > max) {
            return "must be between " + format(min) + " and " + format(max) + (unit.isEmpty() ? "" : " " + unit);
        }
        if (integer && value != Math.rint(value)) {
            return "must be a whole number";
        }
        return null;
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
