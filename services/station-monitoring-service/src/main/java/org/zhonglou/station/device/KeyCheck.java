package org.zhonglou.station.device;

import java.time.Duration;

/** What the door makes of a presented device key. */
sealed interface KeyCheck {

    /** A current key: the request runs as this device. */
    record Known(DeviceIdentity device) implements KeyCheck {
    }

    /** Not a current key: 401. */
    record Wrong() implements KeyCheck {
    }

    /** Too many wrong keys from this address lately: 429, retry after {@code retryAfter}; the key was not looked up. */
    record Throttled(Duration retryAfter) implements KeyCheck {
    }
}
