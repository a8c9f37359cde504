package org.zhonglou.station.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhonglou.contracts.station.Severity;

/** Value sequences in (one per second), phases out. */
class HysteresisTest {

    private static final Instant T0 = Instant.parse("2024-08-07T00:00:00Z");

    @ParameterizedTest(name = "{0} {1}/{2} for {3}s: {4}")
    @CsvSource(delimiter = '|', value = {
        // comparator | threshold | clear | for | values                  | phases after each value
        "ABOVE | -20 | -30 | 0  | -50 -10 -15 -25 -31 -10   | N F F F N F",
        "ABOVE | -20 | -30 | 0  | -20 -19.9 -20 -30         | N F F N",
        "ABOVE | 90  | 80  | 3  | 95 96 97 98 85 79          | P P P F F N",
        "ABOVE | 90  | 80  | 3  | 95 96 85 95 96 97 98       | P P N P P P F",
        "ABOVE | 0   | 0   | 0  | 0 3 3 0 0 5                | N F F N N F",
        "BELOW | 10  | 15  | 0  | 12 9 12 14 15 9            | N F F F N F",
        "BELOW | 10  | 15  | 2  | 9 9 9 16                   | P P F N"
    })
    void transitions(String comparator, double threshold, double clear, int forSeconds, String values, String phases) {
        ThresholdRule rule = Rule.threshold("r", Severity.MAJOR, "m", Rule.Comparator.valueOf(comparator), threshold,
                clear, forSeconds);
        Hysteresis.State state = Hysteresis.State.INITIAL;
        List<String> seen = new ArrayList<>();
        double[] sequence = Arrays.stream(values.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        for (int i = 0; i < sequence.length; i++) {
            state = Hysteresis.next(state, rule, sequence[i], T0.plusSeconds(i));
            seen.add(state.phase().name().substring(0, 1));
        }
        assertThat(String.join(" ", seen)).isEqualTo(phases.trim());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void aReadingNotNewerThanTheLastOneIsIgnored(long secondsAfter) {
        ThresholdRule rule = Rule.threshold("r", Severity.MAJOR, "m", Rule.Comparator.ABOVE, 10, 5, 0);
        Hysteresis.State firing = Hysteresis.next(Hysteresis.State.INITIAL, rule, 20, T0);

        Hysteresis.State after = Hysteresis.next(firing, rule, 0, T0.plusSeconds(secondsAfter));

        assertThat(after).isEqualTo(firing);
    }
}
