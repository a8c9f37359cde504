package org.zhonglou.registration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Service settings; see application.yml for their meaning and environment overrides. */
@ConfigurationProperties("zhonglou.registration")
@Validated
public record RegistrationProperties(String consentTextVersion, int purgeAfterDays, String purgeCron,
                                     @DefaultValue SignupRate signupRate) {

    /** At most {@code attempts} sign-up attempts per guardian per {@code period}. */
    public record SignupRate(@DefaultValue("10") @Min(1) int attempts,
                             @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration period) {
    }
}
