package org.zeitspende.organisation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A new password: at least 12 characters, at most 72 bytes (bcrypt reads no further), not
 * one of the common passwords and not a single character repeated. {@code null} is valid;
 * combine with {@code @NotNull} where a password is required.
 */
@Documented
@Constraint(validatedBy = PasswordPolicy.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface AcceptablePassword {

	String message() default "is not an acceptable password";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
