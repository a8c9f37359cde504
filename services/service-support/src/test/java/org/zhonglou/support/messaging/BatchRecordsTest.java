package org.zhonglou.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Which records a batch consumer handles, and which index it reports, for each kind of failure. */
class BatchRecordsTest {

    private final List<List<String>> handled = new ArrayList<>();

    @Test
    void aPoisonRecordIsReportedByIndexAfterItsPredecessorsAreHandledAndItsSuccessorsAreNotTouched() {
        BatchRecords<String> consumer = BatchRecords.of(BatchRecordsTest::decode, handled::add);

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> consumer.accept(poll("a", "b", "poison", "c")));

        assertThat(handled).containsExactly(List.of("a", "b"));
        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure.getCause()).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void aDecoderThatThrowsAnythingMakesThatRecordPoison() {
        BatchRecords<String> consumer = BatchRecords.of((payload, partition, offset) -> {
            throw new ArithmeticException("long overflow");
        }, handled::add);

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> consumer.accept(poll("a")));

        assertThat(handled).isEmpty();
        assertThat(failure.getIndex()).isZero();
        assertThat(failure.getCause()).isInstanceOf(PoisonRecordException.class)
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void aTransientFailureReportsTheFirstRecordSoNothingIsCommitted() {
        BatchRecords<String> consumer = BatchRecords.of(BatchRecordsTest::decode, records -> {
            handled.add(records);
            throw new DataAccessResourceFailureException("store away");
        });

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> consumer.accept(poll("a", "b", "c")));

        assertThat(handled).as("no record-by-record retries during an outage").hasSize(1);
        assertThat(failure.getIndex()).isZero();
        assertThat(ConsumerFailures.isTransient(failure)).isTrue();
    }

    @Test
    void anyOtherFailureIsNarrowedDownToTheRecordThatFailsOnItsOwn() {
        BatchRecords<String> consumer = BatchRecords.of(BatchRecordsTest::decode, records -> {
            handled.add(records);
            if (records.contains("bad")) {
                throw new ArithmeticException("long overflow");
            }
        });

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> consumer.accept(poll("a", "b", "bad", "c")));

        assertThat(handled).containsExactly(List.of("a", "b", "bad", "c"), List.of("a"), List.of("b"), List.of("bad"));
        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure.getCause()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aGoodPollIsHandledOnceAsAWhole() {
        BatchRecords.of(BatchRecordsTest::decode, handled::add).accept(poll("a", "b"));

        assertThat(handled).containsExactly(List.of("a", "b"));
    }

    private static String decode(byte[] payload, int partition, long offset) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (text.equals("poison")) {
            throw new PoisonRecordException("cannot be decoded");
        }
        return text;
    }

    private static Message<List<byte[]>> poll(String... payloads) {
        return MessageBuilder.withPayload(java.util.Arrays.stream(payloads)
                        .map(p -> p.getBytes(StandardCharsets.UTF_8)).toList())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, IntStream.range(0, payloads.length).map(i -> 0).boxed().toList())
                .setHeader(KafkaHeaders.OFFSET, IntStream.range(0, payloads.length).mapToObj(i -> (long) i).toList())
                .build();
    }
}
