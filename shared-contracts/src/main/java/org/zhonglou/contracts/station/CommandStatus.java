package org.zhonglou.contracts.station;

/**
 * A command's life: PENDING until the device reports SUCCEEDED or FAILED, or EXPIRED when nobody picked
 * it up in time, or REFUSED when the safety interlock held it back at the device's fetch (a CRITICAL
 * alert of the station opened after the command was issued).
 */
public enum CommandStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    REFUSED
}
