package org.trialledger.site.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.RegistryId;

/** Field checks shared by the site records, with messages fit for a form. */
final class Checks {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private Checks() {}

  /**
   * Text a person typed: required or not, bounded, free of control characters and broken Unicode.
   */
  static void text(
      List<FieldError> errors, String field, String value, int maxLength, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) errors.add(new FieldError(field, "Required"));
      return;
    }
    if (value.length() > maxLength)
      errors.add(new FieldError(field, "At most " + maxLength + " characters"));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
        errors.add(new FieldError(field, "Contains a control character"));
        return;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        errors.add(new FieldError(field, "Contains broken Unicode (a lone surrogate)"));
        return;
      }
    }
  }

  static void username(List<FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) errors.add(new FieldError(field, "Required"));
    else if (!USERNAME.matcher(value).matches())
      errors.add(new FieldError(field, "Not a user name"));
  }

  static void trialId(List<FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) errors.add(new FieldError(field, "Required"));
    else if (!RegistryId.isValid(value) || !RegistryId.parse(value).toString().equals(value)) {
      errors.add(new FieldError(field, "A registry id looks like TLR-00000042-3"));
    }
  }

  static void siteId(List<FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) errors.add(new FieldError(field, "Required"));
    else if (!SITE_ID.matcher(value).matches())
      errors.add(new FieldError(field, "A site id is letters, digits, '.', '_' or '-'"));
  }

  static void required(List<FieldError> errors, String field, Object value) {
    if (value == null) errors.add(new FieldError(field, "Required"));
  }

  static void notFuture(List<FieldError> errors, String field, Instant value, Instant now) {
    if (value == null) errors.add(new FieldError(field, "Required"));
    else if (value.isAfter(now)) errors.add(new FieldError(field, "Cannot be in the future"));
  }

  static void notFuture(
      List<FieldError> errors, String field, LocalDate value, LocalDate today, boolean required) {
    if (value == null) {
      if (required) errors.add(new FieldError(field, "Required"));
    } else if (value.isAfter(today)) {
      errors.add(new FieldError(field, "Cannot be in the future"));
    }
  }

  /** Version 1 is the original entry; every later version is a correction and must say why. */
  static void version(List<FieldError> errors, int version, String reasonForChange) {
    if (version < 1) errors.add(new FieldError("version", "Versions count from 1"));
    if (version > 1 && (reasonForChange == null || reasonForChange.isBlank())) {
      errors.add(new FieldError("reasonForChange", "A correction needs a reason for the change"));
    }
    text(errors, "reasonForChange", reasonForChange, 500, false);
  }
}
