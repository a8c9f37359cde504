package org.zhonglou.contracts.station;

/** Ordered: a later constant is more severe ({@code WARNING < MAJOR < CRITICAL}). */
public enum Severity {
    WARNING,
    MAJOR,
    CRITICAL;

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
