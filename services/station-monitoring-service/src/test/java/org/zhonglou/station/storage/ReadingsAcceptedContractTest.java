package org.zhonglou.station.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.zhonglou.support.messaging.PoisonRecordException;

/** Consumer side of the contract: the golden sample of station.readings.v1 decodes as this service reads it. */
class ReadingsAcceptedContractTest {

    @Test
    void theGoldenSampleDecodesWithItsReadingIds() throws IOException {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/samples/readings-accepted.json")) {
            sample = in.readAllBytes();
        }

        ReceivedBatch received = ReceivedBatch.decode(sample, 1, 41L);

        assertThat(received.batch().stationId()).isEqualTo("longjiang-road");
        assertThat(received.offset()).isEqualTo(41L);
        assertThat(received.hasDeviceReadingId(0)).isTrue();
        assertThat(received.hasDeviceReadingId(1)).isFalse();
        assertThatThrownBy(() -> ReceivedBatch.decode("not json".getBytes(), 1, 42L))
                .isInstanceOf(PoisonRecordException.class);
    }
}
