package org.zhonglou.support.deadletter;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;

/**
 * The failure a person needs to see, without the layers the binder and the container wrap around it
 * (listener execution, messaging, batch index, our own classification).
 */
final class DeadLetterReasons {

    private DeadLetterReasons() {
    }

    static Exception reason(Exception failure) {
        Throwable current = failure;
        while (isWrapper(current) && current.getCause() instanceof Exception cause && cause != current) {
            current = cause;
        }
        return (Exception) current;
    }

    static String describe(Exception failure) {
        Exception reason = reason(failure);
        return reason.getClass().getName() + ": " + reason.getMessage();
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof Classified || failure instanceof ListenerExecutionFailedException
                || failure instanceof MessagingException || failure instanceof BatchListenerFailedException;
    }
}
