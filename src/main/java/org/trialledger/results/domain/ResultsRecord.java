package org.trialledger.results.domain;

import java.util.List;
import java.util.Map;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.RecordCodec;

/**
 * The results of a trial, modelled on the five results modules of a ClinicalTrials.gov API v2
 * {@code resultsSection}. Counts are whole numbers; measured values, p-values and limits stay text
 * as entered ("19.63", "&lt;0.001", "NA"), because registries publish them as written and a decimal
 * must not change on its way through a binary number. Every group carries the label of the
 * registered arm it reports, or null when it reports none (e.g. the baseline "Total" column).
 *
 * <p>Immutable; its canonical JSON ({@link #canonicalJson()}: RFC 8785 of the {@link RecordCodec}
 * encoding, schema {@link #SCHEMA}) is what a submitted results version commits to.
 */
public record ResultsRecord(
    String schema,
    ParticipantFlow participantFlow,
    Baseline baseline,
    List<OutcomeMeasure> outcomeMeasures,
    // registered outcomes not reported, each with the reason (PRS asks for one or the other)
    List<UnreportedOutcome> unreportedOutcomes,
    AdverseEvents adverseEvents,
    MoreInfo moreInfo) {

  public static final String SCHEMA = "trialledger.results/1";

  public ResultsRecord {
    schema = SCHEMA;
    outcomeMeasures = copy(outcomeMeasures);
    unreportedOutcomes = copy(unreportedOutcomes);
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  public static ResultsRecord empty() {
    return new ResultsRecord(SCHEMA, null, null, null, null, null, null);
  }

  /** RFC 8785 text of the record. */
  public String canonicalJson() {
    return CanonicalJson.write(RecordCodec.encode(this));
  }

  /** SHA-256 of {@link #canonicalJson()}. */
  public Hash hash() {
    return CanonicalJson.hash(RecordCodec.encode(this));
  }

  /**
   * Reads canonical (or any) JSON of a results record, strictly.
   *
   * @throws org.trialledger.registry.domain.InvalidRecordException naming the first bad field
   */
  public static ResultsRecord parse(String json) {
    Object value = JsonParser.parse(json);
    if (!(value instanceof Map<?, ?> map) || !SCHEMA.equals(map.get("schema")))
      throw new IllegalArgumentException("Not a results record of schema " + SCHEMA);
    return RecordCodec.decode(value, ResultsRecord.class);
  }

  /** A column of a results table: one arm (or a total) in one module. */
  public record Group(String id, String title, String description, String armLabel) {}

  /** Subjects (and units, when units other than participants are analysed) of one group. */
  public record GroupCount(String groupId, Integer numSubjects, Integer numUnits, String comment) {}

  public record ParticipantFlow(
      String recruitmentDetails,
      String preAssignmentDetails,
      String typeUnitsAnalyzed,
      List<Group> groups,
      List<Period> periods) {
    public ParticipantFlow {
      groups = copy(groups);
      periods = copy(periods);
    }
  }

  /**
   * A stage of the study; its milestones are STARTED, COMPLETED, NOT COMPLETED or ones the sponsor
   * names; dropWithdraws give the reasons for not completing.
   */
  public record Period(String title, List<Milestone> milestones, List<DropWithdraw> dropWithdraws) {
    public Period {
      milestones = copy(milestones);
      dropWithdraws = copy(dropWithdraws);
    }
  }

  public record Milestone(String type, String comment, List<GroupCount> achievements) {
    public static final String STARTED = "STARTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String NOT_COMPLETED = "NOT COMPLETED";

    public Milestone {
      achievements = copy(achievements);
    }

    /**
     * How pages name a milestone: the three standard codes as words ("Not completed"), one the
     * sponsor named as written. Exports keep the code.
     */
    public static String label(String type) {
      if (type == null) return "";
      return switch (type.strip().toUpperCase(java.util.Locale.ROOT).replace('_', ' ')) {
        case STARTED -> "Started";
        case COMPLETED -> "Completed";
        case NOT_COMPLETED -> "Not completed";
        default -> type;
      };
    }
  }

  public record DropWithdraw(String type, String comment, List<GroupCount> reasons) {
    public DropWithdraw {
      reasons = copy(reasons);
    }
  }

  /** Number analysed per group, in the given units (usually "Participants"). */
  public record Denom(String units, List<DenomCount> counts) {
    public Denom {
      counts = copy(counts);
    }
  }

  public record DenomCount(String groupId, Integer value) {}

  public record Baseline(
      String populationDescription,
      String typeUnitsAnalyzed,
      List<Group> groups,
      List<Denom> denoms,
      List<Measure> measures) {
    public Baseline {
      groups = copy(groups);
      denoms = copy(denoms);
      measures = copy(measures);
    }
  }

  public record Measure(
      String title,
      String description,
      String populationDescription,
      String paramType,
      String dispersionType,
      String unitOfMeasure,
      List<Denom> denoms,
      List<MeasureClass> classes) {
    public Measure {
      denoms = copy(denoms);
      classes = copy(classes);
    }
  }

  /** A row block of a measure's table (e.g. "Female"), with categories as its rows. */
  public record MeasureClass(String title, List<Denom> denoms, List<Category> categories) {
    public MeasureClass {
      denoms = copy(denoms);
      categories = copy(categories);
    }
  }

  public record Category(String title, List<Measurement> measurements) {
    public Category {
      measurements = copy(measurements);
    }
  }

  /** One cell: the value of one group, with its dispersion (spread or limits). */
  public record Measurement(
      String groupId,
      String value,
      String spread,
      String lowerLimit,
      String upperLimit,
      String comment) {}

  public enum OutcomeType {
    PRIMARY,
    SECONDARY,
    OTHER_PRE_SPECIFIED,
    POST_HOC
  }

  public record OutcomeMeasure(
      OutcomeType type,
      String title,
      String description,
      String populationDescription,
      String reportingStatus,
      String anticipatedPostingDate,
      String paramType,
      String dispersionType,
      String unitOfMeasure,
      String timeFrame,
      String typeUnitsAnalyzed,
      List<Group> groups,
      List<Denom> denoms,
      List<MeasureClass> classes,
      List<Analysis> analyses) {
    public OutcomeMeasure {
      groups = copy(groups);
      denoms = copy(denoms);
      classes = copy(classes);
      analyses = copy(analyses);
    }
  }

  /** A statistical analysis comparing groups of one outcome measure. */
  public record Analysis(
      List<String> groupIds,
      String groupDescription,
      Boolean testedNonInferiority,
      String nonInferiorityType,
      String nonInferiorityComment,
      String pValue,
      String pValueComment,
      String statisticalMethod,
      String statisticalComment,
      String paramType,
      String paramValue,
      String dispersionType,
      String dispersionValue,
      String ciPctValue,
      String ciNumSides,
      String ciLowerLimit,
      String ciUpperLimit,
      String ciLowerLimitComment,
      String ciUpperLimitComment,
      String estimateComment,
      String otherAnalysisDescription) {
    public Analysis {
      groupIds = copy(groupIds);
    }
  }

  /** A registered outcome (by its measure as registered) that these results do not report. */
  public record UnreportedOutcome(String measure, String reason) {}

  public record AdverseEvents(
      String frequencyThreshold,
      String timeFrame,
      String description,
      String allCauseMortalityComment,
      List<EventGroup> eventGroups,
      List<Event> seriousEvents,
      List<Event> otherEvents) {
    public AdverseEvents {
      eventGroups = copy(eventGroups);
      seriousEvents = copy(seriousEvents);
      otherEvents = copy(otherEvents);
    }
  }

  /** An adverse-event column: totals of deaths, serious and other events, and who was at risk. */
  public record EventGroup(
      String id,
      String title,
      String description,
      String armLabel,
      Integer deathsNumAffected,
      Integer deathsNumAtRisk,
      Integer seriousNumAffected,
      Integer seriousNumAtRisk,
      Integer otherNumAffected,
      Integer otherNumAtRisk) {}

  public enum AssessmentType {
    SYSTEMATIC_ASSESSMENT,
    NON_SYSTEMATIC_ASSESSMENT
  }

  /** One adverse-event term (e.g. MedDRA "Nausea" in "Gastrointestinal disorders"). */
  public record Event(
      String term,
      String organSystem,
      String sourceVocabulary,
      AssessmentType assessmentType,
      String notes,
      List<EventStats> stats) {
    public Event {
      stats = copy(stats);
    }
  }

  public record EventStats(
      String groupId, Integer numEvents, Integer numAffected, Integer numAtRisk) {}

  public record MoreInfo(
      String limitationsAndCaveats,
      CertainAgreement certainAgreement,
      PointOfContact pointOfContact) {}

  public record CertainAgreement(
      Boolean piSponsorEmployee,
      String restrictionType,
      Boolean restrictiveAgreement,
      String otherDetails) {}

  public record PointOfContact(
      String title, String organization, String email, String phone, String phoneExt) {}
}
