package org.zhonglou.support.messaging;

/**
 * A record that can never be processed, whatever is retried: it does not decode, or it decodes to values
 * no handler can use (an instant outside the years 2000-2099, a non-finite number, a missing id). Such a
 * record goes to its consumer's dead-letter topic at once, so its partition moves on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
