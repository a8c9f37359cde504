package org.zhonglou.notification.parent;

/** Registration could not be asked (down, slow, 5xx, refused the token); the notice waits. */
class ContactUnavailableException extends RuntimeException {

    public ContactUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
