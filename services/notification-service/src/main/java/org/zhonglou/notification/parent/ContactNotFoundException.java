package org.zhonglou.notification.parent;

/** No address to write to (404, or no e-mail on file): final, not retried, not a breaker failure. */
public class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException(String reason) {
        super(reason, null, false, false);
    }
}
