package org.trialledger.site.domain;

import java.time.LocalDate;

/**
 * What identifies a subject in person: kept only sealed in the {@link SubjectVault}, never in a
 * record, export or log. {@link #toString()} is redacted so that a stray log statement cannot leak
 * it.
 */
public record IdentifyingDetails(String name, LocalDate birthDate, String contact) {
  @Override
  public String toString() {
    return "IdentifyingDetails[redacted]";
  }
}
