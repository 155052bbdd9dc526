package org.jobpricing.server.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import org.jobpricing.plugin.api.ObservationChecks;

/** An ISO 3166-1 alpha-2 country code (any case); null passes, pair with @NotBlank when required. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCountry.Validator.class)
public @interface IsoCountry {
    String message() default "must be an ISO 3166-1 alpha-2 country code such as US";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the code against the JDK's list of ISO countries. */
    class Validator implements ConstraintValidator<IsoCountry, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ObservationChecks.isCountry(value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
