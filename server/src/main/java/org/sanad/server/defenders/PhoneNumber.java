package org.sanad.server.defenders;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.sanad.crypto.BlindIndex.Normalization;

/**
 * A phone number the blind index can normalise (E.164, 8 to 15 digits): the pattern of {@link
 * DefenderRequests#PHONE} admits characters, this admits numbers. Without it, {@code (((((} got
 * past validation and failed in the index with a 500.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumber.Check.class)
@interface PhoneNumber {

    String message() default "is not a phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PhoneNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Normalization.PHONE.apply(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
