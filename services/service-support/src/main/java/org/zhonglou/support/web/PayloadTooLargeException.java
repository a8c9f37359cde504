package org.zhonglou.support.web;

import java.io.IOException;

/** Raised while a request body is read past the limit; Jackson wraps it, the advice unwraps it. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limitBytes) {
        super("Request body is larger than " + limitBytes + " bytes");
    }
}
