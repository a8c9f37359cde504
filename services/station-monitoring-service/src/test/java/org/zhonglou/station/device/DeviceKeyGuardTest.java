package org.zhonglou.station.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The guard in front of the store: what it answers and how many look-ups it lets through. */
class DeviceKeyGuardTest {

    private static final DeviceIdentity DEVICE = new DeviceIdentity("st", "gas-1");
    private static final String GOOD = "zdk_the-good-key";

    private final AtomicInteger lookups = new AtomicInteger();
    private final Function<String, Optional<DeviceIdentity>> store = key -> {
        lookups.incrementAndGet();
        return GOOD.equals(key) ? Optional.of(DEVICE) : Optional.empty();
    };
    private final DeviceKeyGuard guard = new DeviceKeyGuard(new DeviceKeyProperties(5, 0.001, 1000, 1000,
            Duration.ofMinutes(10)));

    @Test
    void anAddressThatSentTooManyWrongKeysIsRefusedBeforeAnyLookUp() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.check("203.0.113.7", "zdk_guess-" + i, store)).isInstanceOf(KeyCheck.Wrong.class);
        }
        assertThat(lookups).hasValue(5);

        for (int i = 5; i < 100; i++) {
            assertThat(guard.check("203.0.113.7", "zdk_guess-" + i, store)).isInstanceOfSatisfying(
                    KeyCheck.Throttled.class, t -> assertThat(t.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        }
        assertThat(guard.check("203.0.113.7", GOOD, store)).as("the whole address, looked up by nothing")
                .isInstanceOf(KeyCheck.Throttled.class);
        assertThat(lookups).hasValue(5);
        assertThat(guard.check("198.51.100.1", GOOD, store)).as("another address")
                .isEqualTo(new KeyCheck.Known(DEVICE));
    }

    @Test
    void aKeyFoundWrongIsAnsweredFromMemoryAndAGoodKeyNeverDrainsTheBucket() {
        guard.check("192.0.2.1", "zdk_stale", store);
        guard.check("192.0.2.1", "zdk_stale", store);
        guard.check("192.0.2.2", "zdk_stale", store);
        assertThat(lookups).as("one look-up for a key repeated from any address").hasValue(1);

        for (int i = 0; i < 50; i++) {
            assertThat(guard.check("192.0.2.9", GOOD, store)).isInstanceOf(KeyCheck.Known.class);
        }
        assertThat(guard.check("192.0.2.9", "", store)).isInstanceOf(KeyCheck.Wrong.class);
        assertThat(guard.check("192.0.2.9", "x".repeat(201), store)).isInstanceOf(KeyCheck.Wrong.class);
        assertThat(lookups).hasValue(51);
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(DeviceKeyGuard.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(DeviceKeyGuard.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(DeviceKeyGuard.addressKey("2001:db8:1:3::1"));
        assertThat(DeviceKeyGuard.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            guard.check("2001:db8:1:2::" + (i + 1), "zdk_guess-" + i, store);
        }
        assertThat(guard.check("2001:db8:1:2::ffff", "zdk_next", store)).isInstanceOf(KeyCheck.Throttled.class);
    }
}
