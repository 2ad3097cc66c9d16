package org.trialledger.platform;

import java.util.List;

/**
 * A request whose fields break rules; carries every field's problem so a form or a 422 problem
 * document can show them all at once. Contexts throw their own subclasses (the registry's {@code
 * InvalidRecordException}).
 */
public class InvalidFieldsException extends RuntimeException {
  private final transient List<Field> fields;

  protected InvalidFieldsException(String message, List<Field> fields) {
    super(message, null, false, false);
    this.fields = List.copyOf(fields);
  }

  public List<Field> fields() {
    return fields;
  }

  /** A problem with one field, addressed by its path (e.g. {@code primaryOutcomes[0].measure}). */
  public record Field(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
