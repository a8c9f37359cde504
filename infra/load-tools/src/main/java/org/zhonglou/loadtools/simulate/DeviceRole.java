package org.zhonglou.loadtools.simulate;

import java.util.List;

/** What a station device measures. Load tonnages are events, not a sampled metric, so they are not listed. */
enum DeviceRole {
    COMPACTOR("compactor", List.of("hydraulic_pressure_mpa", "motor_temp_c", "fault_code")),
    CONTAINER("container", List.of("fill_level_pct")),
    DEODORISER("deodoriser", List.of("negative_pressure_pa", "h2s_ppm", "nh3_ppm")),
    WEIGHBRIDGE("weighbridge", List.of());

    private final String prefix;
    private final List<String> metrics;

    DeviceRole(String prefix, List<String> metrics) {
        this.prefix = prefix;
        this.metrics = metrics;
    }

    String prefix() {
        return prefix;
    }

    List<String> metrics() {
        return metrics;
    }

    /** Compactor, container, deodoriser, weighbridge, then round again: a small station has the first ones. */
    static DeviceRole forIndex(int index) {
        return values()[index % values().length];
    }
}
