package org.zhonglou.notification.delivery;

/** What one send achieved; becomes an {@link Attempt} in the log. */
record Outcome(boolean delivered, Integer statusCode, String error, long durationMs) {

    public static Outcome failed(String error, long durationMs) {
        return new Outcome(false, null, error, durationMs);
    }
}
