package org.trialledger.registry.domain;

/**
 * A problem with one field of a record, addressed by its path (e.g. {@code
 * primaryOutcomes[0].measure}).
 */
public record FieldError(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
