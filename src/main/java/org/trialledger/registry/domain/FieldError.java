package org.trialledger.registry.domain;

import java.io.Serializable;

/**
 * A problem with one field of a record, addressed by its path (e.g. {@code
 * primaryOutcomes[0].measure}).
 */
public record FieldError(String field, String message) implements Serializable {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
