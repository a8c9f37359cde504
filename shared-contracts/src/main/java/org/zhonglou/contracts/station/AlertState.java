package org.zhonglou.contracts.station;

public enum AlertState {
    ACTIVE,
    ACKNOWLEDGED,
    RESOLVED
}
