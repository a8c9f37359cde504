package org.zhonglou.support.messaging;

/** The broker did not acknowledge an event; it was not published and must be kept for a retry. */
public class EventPublishingException extends RuntimeException {

    public EventPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
