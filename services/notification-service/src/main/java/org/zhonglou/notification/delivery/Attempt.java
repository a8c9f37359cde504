package org.zhonglou.notification.delivery;

import java.time.Instant;

/** One try: when, the receiver's HTTP status or the error, and how long it took. */
record Attempt(Instant at, Integer statusCode, String error, long durationMs) {
}
