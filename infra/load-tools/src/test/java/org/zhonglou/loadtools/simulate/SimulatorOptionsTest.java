package org.zhonglou.loadtools.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void readsEveryOptionAndHasDefaults() {
        SimulatorOptions options = SimulatorOptions.parse("--station", "beigang-1", "--devices", "8", "--rate", "500",
                "--minutes", "0.5");

        assertThat(options).isEqualTo(new SimulatorOptions("beigang-1", 8, 500, 0.5));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(SimulatorOptions.parse().stationId()).isEqualTo("longjiang-road");
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--rate", "fast")).hasMessageContaining("--rate needs a number");
        assertThatThrownBy(() -> SimulatorOptions.parse("--devices", "0")).hasMessageContaining("--devices");
        assertThatThrownBy(() -> SimulatorOptions.parse("--station", "Longjiang Road")).hasMessageContaining("slug");
        assertThatThrownBy(() -> SimulatorOptions.parse("--minutes")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorOptions.parse("--speed", "2")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SimulatorOptions.parse("--rate", "500", "--devices", "4"))
                .hasMessageContaining("100 readings/s").hasMessageContaining("--devices 6");
        assertThat(SimulatorOptions.parse("--rate", "500", "--devices", "6").rate()).isEqualTo(500);
    }
}
