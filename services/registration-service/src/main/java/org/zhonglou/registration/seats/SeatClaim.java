package org.zhonglou.registration.seats;

/** Who asks for a seat: the enrollment, its child's keyed hash and its guardian (for the event). */
public record SeatClaim(String enrollmentId, String childKey, String guardianId) {
}
