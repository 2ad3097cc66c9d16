package org.trialledger.registry.interop;

import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;

/**
 * An imported registration record, the JSON paths that held a value but have no home in the record,
 * and warnings (unknown codes, wrong types, values derived rather than read).
 */
public record ImportResult(
    RegistrationRecord record, List<String> unmapped, List<String> warnings) {
  public ImportResult {
    unmapped = List.copyOf(unmapped);
    warnings = List.copyOf(warnings);
  }
}
