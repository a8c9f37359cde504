package org.zhonglou.station.device;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.zhonglou.station.limit.TokenBucket;

/**
 * Stands between a presented device key and the store. Every wrong key costs a store read when looked up,
 * so an address that presented too many wrong keys lately is answered 429 before any look-up, and a key
 * found wrong recently is answered 401 from memory. Both maps are bounded and forget on their own.
 * The address is the connection's remote address: X-Forwarded-For is never read here (behind a trusted
 * proxy, Tomcat's RemoteIpValve sets the remote address from it when FORWARD_HEADERS_STRATEGY=native).
 */
@Component
class DeviceKeyGuard {

    private static final int MAX_KEY_LENGTH = 200;

    private final DeviceKeyProperties properties;
    private final Cache<String, TokenBucket> failuresByAddress;
    private final Cache<String, Boolean> wrongKeys;

    DeviceKeyGuard(DeviceKeyProperties properties) {
        this.properties = properties;
        long refillSeconds = (long) Math.ceil(properties.failureBurst() / properties.failuresPerSecond());
        // Once full again a bucket is the same as a new one, so forgetting it then loses nothing.
        this.failuresByAddress = Caffeine.newBuilder().maximumSize(properties.addressesTracked())
                .expireAfterAccess(Duration.ofSeconds(Math.max(60, refillSeconds))).build();
        this.wrongKeys = Caffeine.newBuilder().maximumSize(properties.wrongKeysRemembered())
                .expireAfterWrite(properties.wrongKeyMemory()).build();
    }

    /**
     * Checks {@code key} presented from {@code remoteAddress}; {@code lookup} (a store read, given the key)
     * runs only for a key not known to be wrong, from an address not throttled. A failing look-up (store
     * away) propagates and counts as nothing.
     */
    KeyCheck check(String remoteAddress, String key, Function<String, Optional<DeviceIdentity>> lookup) {
        String address = addressKey(remoteAddress);
        long now = System.nanoTime();
        TokenBucket failures = failuresByAddress.getIfPresent(address);
        if (failures != null) {
            Duration wait = failures.waitFor(1, now);
            if (!wait.isZero()) {
                return new KeyCheck.Throttled(TokenBucket.retryAfter(wait));
            }
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return wrong(address, null, now);
        }
        String hash = DeviceKeys.hash(key);
        if (wrongKeys.getIfPresent(hash) != null) {
            return wrong(address, null, now);
        }
        Optional<DeviceIdentity> device = lookup.apply(key);
        if (device.isPresent()) {
            return new KeyCheck.Known(device.get());
        }
        return wrong(address, hash, now);
    }

    private KeyCheck wrong(String address, String hash, long now) {
        if (hash != null) {
            wrongKeys.put(hash, Boolean.TRUE);
        }
        failuresByAddress.get(address, a -> new TokenBucket(properties.failureBurst(), properties.failuresPerSecond(),
                now)).take(1, now);
        return new KeyCheck.Wrong();
    }

    /**
     * IPv4 addresses count one by one; IPv6 by their /64 prefix, the block one subscriber gets, so a client
     * cannot step through its own block to get fresh buckets.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
