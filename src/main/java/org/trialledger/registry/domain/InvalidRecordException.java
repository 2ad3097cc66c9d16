package org.trialledger.registry.domain;

import java.util.List;
import java.util.stream.Collectors;
import org.trialledger.platform.InvalidFieldsException;

/**
 * A record or request that fails validation; carries every field error so a form can show them all
 * at once.
 */
public class InvalidRecordException extends InvalidFieldsException {
  private final transient List<FieldError> errors;

  public InvalidRecordException(List<FieldError> errors) {
    super(
        errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")),
        errors.stream().map(e -> new Field(e.field(), e.message())).toList());
    this.errors = List.copyOf(errors);
  }

  public static InvalidRecordException of(String field, String message) {
    return new InvalidRecordException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
