package org.trialledger.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code that exists ({@code DE}, not {@code XX}); null is allowed, as
 * for every Bean Validation constraint but {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = CountryCode.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {
  String message() default "Country must be a two-letter ISO 3166 code such as DE";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks against the JDK's list of ISO 3166 countries. */
  class Validator implements ConstraintValidator<CountryCode, String> {
    private static final Set<String> CODES =
        Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || CODES.contains(value);
    }
  }
}
