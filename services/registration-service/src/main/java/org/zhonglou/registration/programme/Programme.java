package org.zhonglou.registration.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A programme's settings: fixed once created, so they may be cached by every instance. */
public record Programme(String id, String name, String community, String location, LocalDate startDate,
                       LocalDate endDate, String dropOffTime, int minAge, int maxAge, int capacity,
                       int waitlistCapacity, Instant signupOpensAt, Instant signupClosesAt, Instant createdAt,
                       int maxActivePerGuardian) {

    /** Siblings: enough for most families, few enough that one account cannot take a programme's seats. */
    public static final int DEFAULT_MAX_ACTIVE_PER_GUARDIAN = 3;

    /** Age in whole years on the first day of the programme, as the contract defines it. */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    public boolean acceptsAge(LocalDate dateOfBirth) {
        if (dateOfBirth.isAfter(startDate)) {
            return false;
        }
        int age = ageOn(dateOfBirth, startDate);
        return age >= minAge && age <= maxAge;
    }

    /** Sign-up is open from {@code signupOpensAt} (inclusive) until {@code signupClosesAt} (exclusive). */
    public boolean signupOpenAt(Instant now) {
        return !now.isBefore(signupOpensAt) && now.isBefore(signupClosesAt);
    }
}
