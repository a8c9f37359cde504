package org.zhonglou.station.device;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttle of wrong device keys. Each source address may present {@code failureBurst} wrong keys at once
 * and {@code failuresPerSecond} after that (a device with a stale key retrying once a second is never
 * throttled; a key scanner is); beyond, every key from that address gets 429 without a store read.
 * {@code addressesTracked} and {@code wrongKeysRemembered} bound the memory; a wrong key is remembered for
 * {@code wrongKeyMemory}, so repeating it costs no store read either.
 */
@ConfigurationProperties("station.device-keys")
record DeviceKeyProperties(@DefaultValue("30") double failureBurst, @DefaultValue("1") double failuresPerSecond,
                           @DefaultValue("100000") int addressesTracked, @DefaultValue("10000") int wrongKeysRemembered,
                           @DefaultValue("PT10M") Duration wrongKeyMemory) {
}
