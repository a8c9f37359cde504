package org.zhonglou.loadtools.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StationModelTest {

    private final StationModel model = new StationModel(42);

    @Test
    void aDayCarriesAboutTwoHundredTonnesInLoadsOfTenToTwelve() {
        int loads = model.loadsBy(StationModel.DAY_SECONDS);
        double tonnes = IntStream.range(0, loads).mapToDouble(model::loadTonnes).sum();

        assertThat(IntStream.range(0, loads).mapToDouble(model::loadTonnes)).allMatch(t -> t >= 10 && t <= 12);
        assertThat(tonnes).isCloseTo(200, within(12.0));
    }

    @Test
    void fillLevelRisesBetweenTransfersAndEmptiesAtEach() {
        double interval = model.loadInterval();
        double justAfter = model.fillLevel(interval + 1);
        double justBefore = model.fillLevel(2 * interval - 1);

        assertThat(justAfter).isLessThan(10);
        assertThat(justBefore).isGreaterThan(90);
    }

    @Test
    void hydraulicPressurePeaksDuringTheStrokeAndMotorWarmsWithIt() {
        double[] pressure = IntStream.range(0, 2_000).mapToDouble(s -> model.hydraulicPressure(s)).toArray();

        assertThat(java.util.Arrays.stream(pressure).max().orElseThrow()).isBetween(24.0, 27.0);
        assertThat(java.util.Arrays.stream(pressure).min().orElseThrow()).isCloseTo(5.0, within(0.1));
        assertThat(model.motorTemperature(0)).isLessThan(model.motorTemperature(300));
    }

    @Test
    void deodoriserLosesNegativePressureMidDayAndRecovers() {
        double day = StationModel.DAY_SECONDS;

        assertThat(model.value("negative_pressure_pa", 0.3 * day)).isLessThan(-30);
        assertThat(model.value("negative_pressure_pa", 0.5 * day)).isGreaterThan(-20);
        assertThat(model.value("h2s_ppm", 0.5 * day)).isGreaterThan(model.value("h2s_ppm", 0.3 * day));
        assertThat(model.value("negative_pressure_pa", 0.7 * day)).isLessThan(-30);
    }

    @Test
    void faultsAreOccasionalAndClear() {
        long faulty = IntStream.range(0, (int) StationModel.DAY_SECONDS).filter(s -> s % 60 == 0)
                .filter(s -> model.faultCode(s) != 0).count();

        assertThat(faulty).isPositive().isLessThan((long) (StationModel.DAY_SECONDS / 60 / 10));
    }

    @Test
    void everyValueIsInsideItsMetricsPhysicalRange() {
        for (int s = 0; s < StationModel.DAY_SECONDS; s += 97) {
            assertThat(model.value("fill_level_pct", s)).isBetween(0.0, 100.0);
            assertThat(model.value("hydraulic_pressure_mpa", s)).isBetween(0.0, 40.0);
            assertThat(model.value("motor_temp_c", s)).isBetween(-40.0, 200.0);
            assertThat(model.value("negative_pressure_pa", s)).isBetween(-2000.0, 500.0);
        }
    }
}
