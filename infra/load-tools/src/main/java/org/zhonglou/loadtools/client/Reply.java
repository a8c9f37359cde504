package org.zhonglou.loadtools.client;

import tools.jackson.databind.JsonNode;

/**
 * One HTTP answer; {@code status} 0 means the request never got an answer (connection refused, timeout).
 * {@code contentType} is null when there was no answer or no such header.
 */
public record Reply(int status, String body, String error, String contentType) {

    public Reply(int status, String body, String error) {
        this(status, body, error, null);
    }

    public static Reply failed(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root != root.getCause()) {
            root = root.getCause();
        }
        return new Reply(0, "", root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        return Json.read(body);
    }

    /** Fails loudly with the answer in the message: set-up calls that go wrong should say why. */
    public Reply expect(int... statuses) {
        for (int expected : statuses) {
            if (status == expected) {
                return this;
            }
        }
        throw new IllegalStateException("unexpected HTTP " + status + (error == null ? "" : " (" + error + ")")
                + ": " + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
    }
}
