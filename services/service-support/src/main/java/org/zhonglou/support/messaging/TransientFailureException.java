package org.zhonglou.support.messaging;

/**
 * A failure that may well succeed later (contention on a document, a dependency briefly away). A
 * consumer that throws it has its record retried for as long as it takes, never dead-lettered.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
