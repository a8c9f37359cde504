package org.zhonglou.station.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Consumer side of the contract: the golden sample of station.readings.v1 decodes as this service reads it. */
class ReadingsAcceptedContractTest {

    @Test
    void theGoldenSampleDecodesWithItsReadingIds() throws IOException {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/samples/readings-accepted.json")) {
            sample = in.readAllBytes();
        }
        Message<List<byte[]>> poll = MessageBuilder.withPayload(List.of(sample, "not json".getBytes()))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(1, 1))
                .setHeader(KafkaHeaders.OFFSET, List.of(41L, 42L)).build();

        List<ReceivedBatch> batches = ReceivedBatch.decode(poll);

        assertThat(batches).singleElement().satisfies(received -> {
            assertThat(received.batch().stationId()).isEqualTo("longjiang-road");
            assertThat(received.offset()).isEqualTo(41L);
            assertThat(received.hasDeviceReadingId(0)).isTrue();
            assertThat(received.hasDeviceReadingId(1)).isFalse();
        });
    }
}
