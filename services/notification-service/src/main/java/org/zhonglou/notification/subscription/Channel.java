package org.zhonglou.notification.subscription;

public enum Channel {
    WEBHOOK,
    EMAIL
}
