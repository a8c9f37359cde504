package org.zhonglou.contracts.station;

public enum CommandStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    EXPIRED
}
