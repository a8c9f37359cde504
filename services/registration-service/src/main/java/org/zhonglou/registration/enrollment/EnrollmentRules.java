package org.zhonglou.registration.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.zhonglou.registration.programme.Programme;
import org.zhonglou.support.refusal.Refusal;

/** The contract's reasons to refuse a sign-up before any seat is considered (all 422). */
final class EnrollmentRules {

    private EnrollmentRules() {
    }

    static Optional<Refusal> violation(Programme programme, LocalDate dateOfBirth, Boolean consentGiven,
                                          Instant now) {
        if (!Boolean.TRUE.equals(consentGiven)) {
            return Optional.of(Refusal.unprocessable("consent-required", "Consent required",
                    "The guardian's consent (consentGiven: true) is required to sign a child up."));
        }
        if (now.isBefore(programme.signupOpensAt())) {
            return Optional.of(Refusal.unprocessable("signup-closed", "Sign-up not open",
                    "Sign-up for this programme opens at " + programme.signupOpensAt() + "."));
        }
        if (!programme.signupOpenAt(now)) {
            return Optional.of(Refusal.unprocessable("signup-closed", "Sign-up closed",
                    "Sign-up for this programme closed at " + programme.signupClosesAt() + "."));
        }
        if (!programme.acceptsAge(dateOfBirth)) {
            return Optional.of(Refusal.unprocessable("age-out-of-range", "Age out of range",
                    "The child must be " + programme.minAge() + " to " + programme.maxAge() + " years old on "
                            + programme.startDate() + "."));
        }
        return Optional.empty();
    }
}
