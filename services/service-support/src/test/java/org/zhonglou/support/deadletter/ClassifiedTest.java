package org.zhonglou.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.backoff.BackOffExecution;
import org.zhonglou.support.messaging.PoisonRecordException;
import org.zhonglou.support.messaging.TransientFailureException;

/** How consumer failures are classified, and what each class is allowed: the retry budget of the policy. */
class ClassifiedTest {

    @Test
    void failuresAreClassifiedThroughTheLayersTheBinderWrapsAroundThem() {
        assertThat(Classified.of(wrapped(new PoisonRecordException("bad timestamp")), () -> true))
                .isInstanceOf(Classified.Poison.class);
        assertThat(Classified.of(wrapped(new PoisonRecordException("bad timestamp")), () -> false))
                .as("poison whatever the store does").isInstanceOf(Classified.Poison.class);
        assertThat(Classified.of(wrapped(new DataAccessResourceFailureException("store away")), () -> true))
                .isInstanceOf(Classified.Transient.class);
        assertThat(Classified.of(wrapped(new MongoSocketOpenException("refused", new ServerAddress(),
                new IOException("refused"))), () -> true)).isInstanceOf(Classified.Transient.class);
        assertThat(Classified.of(wrapped(new TransientFailureException("contention")), () -> true))
                .isInstanceOf(Classified.Transient.class);
        assertThat(Classified.of(wrapped(new ArithmeticException("long overflow")), () -> true))
                .isInstanceOf(Classified.Suspect.class);
        assertThat(Classified.of(wrapped(new IllegalStateException("state should be: open")), () -> false))
                .as("an unlisted failure while the store does not answer is part of the outage")
                .isInstanceOf(Classified.Transient.class);
    }

    @Test
    void transientFailuresAreRetriedWithoutEndPoisonNeverAndSuspectsTwice() {
        BackOffExecution outage = ClassifyingErrorHandler.RETRY_WHILE_AWAY.start();
        assertThat(IntStream.range(0, 100_000).mapToLong(i -> outage.nextBackOff()))
                .doesNotContain(BackOffExecution.STOP);
        assertThat(ClassifyingErrorHandler.NO_RETRY.start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
        BackOffExecution suspect = ClassifyingErrorHandler.FEW_RETRIES.start();
        assertThat(suspect.nextBackOff()).isPositive();
        assertThat(suspect.nextBackOff()).isPositive();
        assertThat(suspect.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void theDeadLetterHeadersNameTheFailureItselfNotItsWrappers() {
        ArithmeticException overflow = new ArithmeticException("long overflow");

        assertThat(DeadLetterReasons.reason(new Classified.Suspect(wrapped(overflow)))).isSameAs(overflow);
    }

    /** As the container hands a batch listener's failure to the error handler. */
    private static Exception wrapped(Exception failure) {
        return new MessageHandlingException(MessageBuilder.withPayload("x").build(), "handler failed",
                new BatchListenerFailedException("record 3", failure, 3));
    }
}
