package org.zhonglou.loadtools.simulate;

import java.util.Random;

/**
 * The physics of a transfer station over one compressed day, as a pure function of scenario time
 * (seconds into the day): waste fills the container between transfers, each transfer carries a load of
 * 10-12 t away and empties it, the compactor runs several cycles per container (hydraulic pressure
 * peaks, the motor warms and cools), a cycle now and then ends in a fault, and the deodorisation
 * system loses its negative pressure for a while in the middle of the day, then recovers.
 */
final class StationModel {

    static final double DAY_SECONDS = 86_400;
    static final double DAILY_TONNES = 200;
    static final double LOAD_MIN_TONNES = 10;
    static final double LOAD_MAX_TONNES = 12;
    static final int CYCLES_PER_LOAD = 6;
    /** The deodoriser fails between these shares of the day. */
    static final double DEODORISER_FAILS_AT = 0.45;
    static final double DEODORISER_RECOVERS_AT = 0.55;

    private final long seed;
    private final Random noise;
    private final double loadInterval;

    StationModel(long seed) {
        this.seed = seed;
        this.noise = new Random(seed);
        this.loadInterval = DAY_SECONDS / (DAILY_TONNES / ((LOAD_MIN_TONNES + LOAD_MAX_TONNES) / 2));
    }

    /** Scenario seconds between two transfers (about 4,750: 200 t a day in loads of 11 t on average). */
    double loadInterval() {
        return loadInterval;
    }

    /** Number of transfers completed by this scenario time. */
    int loadsBy(double scenarioSeconds) {
        return (int) Math.floor(scenarioSeconds / loadInterval);
    }

    /** The tonnage of transfer number {@code n} (0-based): 10-12 t, the same for the same seed. */
    double loadTonnes(int n) {
        Random load = new Random(seed * 31 + n);
        double tonnes = LOAD_MIN_TONNES + load.nextDouble() * (LOAD_MAX_TONNES - LOAD_MIN_TONNES);
        return Math.round(tonnes * 100) / 100.0;
    }

    double value(String metric, double scenarioSeconds) {
        return switch (metric) {
            case "fill_level_pct" -> clamp(fillLevel(scenarioSeconds) + jitter(0.5), 0, 100);
            case "hydraulic_pressure_mpa" -> clamp(hydraulicPressure(scenarioSeconds) + jitter(0.3), 0, 40);
            case "motor_temp_c" -> motorTemperature(scenarioSeconds) + jitter(0.4);
            case "fault_code" -> faultCode(scenarioSeconds);
            case "negative_pressure_pa" -> clamp(negativePressure(scenarioSeconds) + jitter(1.5), -2000, 500);
            case "h2s_ppm" -> clamp(deodoriserFailed(scenarioSeconds) ? 14 + jitter(2) : 1.5 + jitter(0.4), 0, 500);
            case "nh3_ppm" -> clamp(deodoriserFailed(scenarioSeconds) ? 28 + jitter(3) : 4 + jitter(0.8), 0, 1000);
            default -> throw new IllegalArgumentException("no model for metric " + metric);
        };
    }

    /** Rises from about 5 % after a transfer to about 95 % just before the next one. */
    double fillLevel(double scenarioSeconds) {
        double sinceTransfer = (scenarioSeconds % loadInterval) / loadInterval;
        return 5 + 90 * sinceTransfer;
    }

    /** Position inside the current compaction cycle, 0..1. */
    private double cyclePhase(double scenarioSeconds) {
        double cycle = loadInterval / CYCLES_PER_LOAD;
        return (scenarioSeconds % cycle) / cycle;
    }

    private int cycleNumber(double scenarioSeconds) {
        return (int) Math.floor(scenarioSeconds / (loadInterval / CYCLES_PER_LOAD));
    }

    /** Idle at about 5 MPa; the ram's stroke in the first 40 % of a cycle peaks at about 26 MPa. */
    double hydraulicPressure(double scenarioSeconds) {
        double phase = cyclePhase(scenarioSeconds);
        return phase < 0.4 ? 5 + 21 * Math.sin(Math.PI * phase / 0.4) : 5;
    }

    /** Warms by up to ~22 °C during the stroke and cools exponentially between strokes. */
    double motorTemperature(double scenarioSeconds) {
        double phase = cyclePhase(scenarioSeconds);
        double heat = phase < 0.4 ? phase / 0.4 : Math.exp(-(phase - 0.4) * 5);
        return 45 + 22 * heat;
    }

    /** About one cycle in 25 ends in a fault (hydraulic overload or feed jam) that clears with the next cycle. */
    double faultCode(double scenarioSeconds) {
        int cycle = cycleNumber(scenarioSeconds);
        Random draw = new Random(seed * 17 + cycle);
        if (cyclePhase(scenarioSeconds) > 0.6 && draw.nextInt(25) == 0) {
            return draw.nextBoolean() ? 101 : 203;
        }
        return 0;
    }

    boolean deodoriserFailed(double scenarioSeconds) {
        double share = scenarioSeconds / DAY_SECONDS;
        return share >= DEODORISER_FAILS_AT && share < DEODORISER_RECOVERS_AT;
    }

    /** Healthy around -60 Pa; a failed fan lets it rise to about -5 Pa (alert threshold about -20). */
    double negativePressure(double scenarioSeconds) {
        return deodoriserFailed(scenarioSeconds) ? -5 : -60;
    }

    private double jitter(double spread) {
        return (noise.nextDouble() * 2 - 1) * spread;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, Math.round(value * 100) / 100.0));
    }
}
