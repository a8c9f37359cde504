package org.zhonglou.registration;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.zhonglou.contracts.Topics;
import org.zhonglou.testsupport.TopicReader;

/** Reads a programme's enrollment events from Kafka as an outside consumer would. */
final class Events {

    private Events() {
    }

    /** All records keyed by the programme, once at least {@code distinctIds} different event ids arrived. */
    static List<ConsumerRecord<String, byte[]>> ofProgramme(String brokers, String programmeId, int distinctIds) {
        AtomicReference<List<ConsumerRecord<String, byte[]>>> seen = new AtomicReference<>(List.of());
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> {
            seen.set(TopicReader.read(brokers, Topics.REGISTRATION_ENROLLMENTS, r -> programmeId.equals(r.key()),
                    distinctIds, Duration.ofSeconds(5)));
            return seen.get().stream().map(r -> TopicReader.header(r, "ce_id")).distinct().count() >= distinctIds;
        });
        return seen.get();
    }
}
