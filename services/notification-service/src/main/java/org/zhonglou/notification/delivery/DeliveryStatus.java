package org.zhonglou.notification.delivery;

/** {@code PENDING}: not tried yet (e.g. held by quiet hours); the others as in the public contract. */
public enum DeliveryStatus {
    PENDING,
    RETRYING,
    DELIVERED,
    FAILED
}
