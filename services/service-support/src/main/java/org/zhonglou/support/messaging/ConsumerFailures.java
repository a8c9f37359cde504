package org.zhonglou.support.messaging;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells failures that may go away (store or broker unreachable, timeouts, contention) from the rest. A
 * consumer retries the former for as long as the outage lasts; only the rest can ever reach a
 * dead-letter topic, and then only while the store answers (see the dead-letter policy).
 */
public final class ConsumerFailures {

    /** Mongo's own label for errors a retry may cure (network, failover, interrupted writes). */
    private static final Set<String> TRANSIENT_LABELS = Set.of("RetryableWriteError", "TransientTransactionError",
            "ResumableChangeStreamError", "SystemOverloadedError");
    /** Optional libraries, matched by name so that this module does not depend on them. */
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "io.github.resilience4j.circuitbreaker.CallNotPermittedException");

    private ConsumerFailures() {
    }

    /** True when anything in the cause chain says "try again later". */
    public static boolean isTransient(Throwable failure) {
        for (Throwable current = failure; current != null; current = next(current)) {
            if (current instanceof PoisonRecordException) {
                return false;
            }
            if (transientItself(current)) {
                return true;
            }
        }
        return false;
    }

    /** True when the record itself is at fault and no retry can help. */
    public static boolean isPoison(Throwable failure) {
        for (Throwable current = failure; current != null; current = next(current)) {
            if (current instanceof PoisonRecordException) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientItself(Throwable failure) {
        return failure instanceof TransientFailureException
                || failure instanceof TransientDataAccessException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException
                || failure instanceof MongoException mongo && TRANSIENT_LABELS.stream().anyMatch(mongo::hasErrorLabel)
                || failure instanceof org.apache.kafka.common.errors.RetriableException
                || failure instanceof IOException
                || failure instanceof TimeoutException
                || TRANSIENT_CLASS_NAMES.contains(failure.getClass().getName());
    }

    private static Throwable next(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == failure ? null : cause;
    }
}
