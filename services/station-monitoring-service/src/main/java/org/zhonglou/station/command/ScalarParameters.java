package org.zhonglou.station.command;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command parameters as a device can use them: a flat map of names to short texts, finite numbers or
 * booleans. Nested documents, {@code $}- or dot-named keys (operators and paths to the store), non-finite
 * numbers and long texts are refused at the door instead of failing somewhere behind it.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ScalarParameters.Check.class)
@interface ScalarParameters {

    String message() default "names of 1 to 64 letters, digits, '-' or '_'; values texts of up to 200 characters, "
            + "finite numbers or true/false";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ScalarParameters, Map<String, Object>> {

        private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
        private static final int MAX_TEXT = 200;

        @Override
        public boolean isValid(Map<String, Object> parameters, ConstraintValidatorContext context) {
            return parameters == null || parameters.entrySet().stream()
                    .allMatch(entry -> NAME.matcher(entry.getKey()).matches() && scalar(entry.getValue()));
        }

        private static boolean scalar(Object value) {
            return value instanceof Boolean
                    || value instanceof Number number && Double.isFinite(number.doubleValue())
                    || value instanceof String text && text.length() <= MAX_TEXT
                            && text.chars().noneMatch(Character::isISOControl);
        }
    }
}
