package org.trialledger.registry.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A record or request that fails validation; carries every field error so a form can show them all at once. */
public class InvalidRecordException extends RuntimeException {
  private final transient List<FieldError> errors;

  public InvalidRecordException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public static InvalidRecordException of(String field, String message) {
    return new InvalidRecordException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
