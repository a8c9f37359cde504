package org.zhonglou.registration.programme;

/** The ledger's counters, read together from the programme document. */
public record SeatCounts(int seatsTaken, int waitlistLength) {
}
