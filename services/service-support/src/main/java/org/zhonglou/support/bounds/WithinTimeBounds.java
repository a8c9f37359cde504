package org.zhonglou.support.bounds;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

/** An {@link Instant} or {@link LocalDate} inside {@link TimeBounds}; null is left to {@code @NotNull}. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinTimeBounds.Check.class)
public @interface WithinTimeBounds {

    String message() default TimeBounds.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<WithinTimeBounds, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value == null
                    || value instanceof Instant instant && TimeBounds.contains(instant)
                    || value instanceof LocalDate date && TimeBounds.contains(date);
        }
    }
}
