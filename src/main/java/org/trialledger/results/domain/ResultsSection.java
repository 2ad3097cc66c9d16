package org.trialledger.results.domain;

/**
 * The parts of a results record the entry page saves one at a time. Saving a section replaces that
 * part of the stored draft and leaves the others as they were.
 */
public enum ResultsSection {
  PARTICIPANT_FLOW("Participant flow"),
  BASELINE("Baseline characteristics"),
  OUTCOME_MEASURES("Outcome measures"),
  ADVERSE_EVENTS("Adverse events"),
  MORE_INFO("More information");

  private final String title;

  ResultsSection(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /**
   * {@code base} with this section taken from {@code from} (outcome measures bring the unreported
   * ones).
   */
  public ResultsRecord replace(ResultsRecord base, ResultsRecord from) {
    ResultsRecord b = base == null ? ResultsRecord.empty() : base;
    return switch (this) {
      case PARTICIPANT_FLOW ->
          new ResultsRecord(
              null,
              from.participantFlow(),
              b.baseline(),
              b.outcomeMeasures(),
              b.unreportedOutcomes(),
              b.adverseEvents(),
              b.moreInfo());
      case BASELINE ->
          new ResultsRecord(
              null,
              b.participantFlow(),
              from.baseline(),
              b.outcomeMeasures(),
              b.unreportedOutcomes(),
              b.adverseEvents(),
              b.moreInfo());
      case OUTCOME_MEASURES ->
          new ResultsRecord(
              null,
              b.participantFlow(),
              b.baseline(),
              from.outcomeMeasures(),
              from.unreportedOutcomes(),
              b.adverseEvents(),
              b.moreInfo());
      case ADVERSE_EVENTS ->
          new ResultsRecord(
              null,
              b.participantFlow(),
              b.baseline(),
              b.outcomeMeasures(),
              b.unreportedOutcomes(),
              from.adverseEvents(),
              b.moreInfo());
      case MORE_INFO ->
          new ResultsRecord(
              null,
              b.participantFlow(),
              b.baseline(),
              b.outcomeMeasures(),
              b.unreportedOutcomes(),
              b.adverseEvents(),
              from.moreInfo());
    };
  }

  /** The section a finding's field belongs to, for findings shown per section. */
  public static ResultsSection of(String field) {
    if (field == null) return MORE_INFO;
    if (field.startsWith("participantFlow")) return PARTICIPANT_FLOW;
    if (field.startsWith("baseline")) return BASELINE;
    if (field.startsWith("outcomeMeasures") || field.startsWith("unreportedOutcomes"))
      return OUTCOME_MEASURES;
    if (field.startsWith("adverseEvents")) return ADVERSE_EVENTS;
    return MORE_INFO;
  }
}
