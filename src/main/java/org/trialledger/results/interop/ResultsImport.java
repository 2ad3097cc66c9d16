package org.trialledger.results.interop;

import java.util.List;
import org.trialledger.results.domain.ResultsRecord;

/**
 * Imported results, the paths under {@code resultsSection} that held a value with no home in the
 * record, and warnings (unknown codes, wrong types, groups tied to no registered arm).
 */
public record ResultsImport(ResultsRecord record, List<String> unmapped, List<String> warnings) {
  public ResultsImport {
    unmapped = List.copyOf(unmapped);
    warnings = List.copyOf(warnings);
  }
}
