package org.trialledger.results.domain;

/**
 * What validation says about one field of a results record, addressed by its path (e.g. {@code
 * outcomeMeasures[0].analyses[1].pValue}). Errors block submission; warnings ask the sponsor to
 * check or explain, as ClinicalTrials.gov's PRS does.
 */
public record ResultsFinding(Severity severity, String field, String message)
    implements java.io.Serializable {
  public enum Severity {
    ERROR,
    WARNING
  }

  public static ResultsFinding error(String field, String message) {
    return new ResultsFinding(Severity.ERROR, field, message);
  }

  public static ResultsFinding warning(String field, String message) {
    return new ResultsFinding(Severity.WARNING, field, message);
  }

  @Override
  public String toString() {
    return severity + " " + field + ": " + message;
  }
}
