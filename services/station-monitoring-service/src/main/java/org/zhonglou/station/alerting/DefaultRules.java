package org.zhonglou.station.alerting;

import static org.zhonglou.station.alerting.Rule.Comparator.ABOVE;

import java.util.List;
import org.zhonglou.contracts.station.Severity;

/**
 * What every new station starts with. Gas limits follow common occupational limits (H2S 10 ppm, NH3 25 ppm);
 * healthy deodorisation keeps the negative pressure below about -20 Pa.
 */
final class DefaultRules {

    static final List<Rule> ALL = List.of(
            Rule.threshold("deodorisation-negative-pressure-lost", Severity.CRITICAL, "negative_pressure_pa", ABOVE,
                    -20, -30, 30),
            Rule.threshold("h2s-high", Severity.MAJOR, "h2s_ppm", ABOVE, 10, 7, 60),
            Rule.threshold("h2s-dangerous", Severity.CRITICAL, "h2s_ppm", ABOVE, 20, 15, 0),
            Rule.threshold("nh3-high", Severity.MAJOR, "nh3_ppm", ABOVE, 25, 20, 60),
            Rule.threshold("motor-overheating", Severity.MAJOR, "motor_temp_c", ABOVE, 90, 80, 30),
            Rule.threshold("hydraulic-pressure-high", Severity.MAJOR, "hydraulic_pressure_mpa", ABOVE, 32, 28, 10),
            Rule.threshold("fault-code", Severity.CRITICAL, "fault_code", ABOVE, 0, 0, 0),
            Rule.silentDevice("silent-device", Severity.MAJOR, 300),
            Rule.dailyCapacity("daily-capacity-90", Severity.WARNING, 90));

    private DefaultRules() {
    }
}
