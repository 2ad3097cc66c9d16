package org.trialledger.registry.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A trial's registration record: every item of the WHO Trial Registration Data Set v1.3.1 plus the
 * ClinicalTrials.gov core elements it lacks. Immutable; a submitted version's record is hashed as
 * canonical JSON (schema {@link #SCHEMA}). Drafts may be incomplete; {@link RegistrationValidator}
 * says what publication still needs. Item numbers refer to the WHO data set.
 */
public record RegistrationRecord(
    String schema,
    // 3. Secondary identifying numbers (e.g. the NCT number, a sponsor protocol number)
    List<SecondaryId> secondaryIds,
    // 4. Sources of monetary or material support
    List<String> fundingSources,
    // 5. Primary sponsor, 6. secondary sponsors
    String primarySponsor,
    List<String> secondarySponsors,
    // 7. Contact for public queries, 8. for scientific queries
    Contact publicContact,
    Contact scientificContact,
    // 9. Public title, 10. scientific title and acronym
    String publicTitle,
    String scientificTitle,
    String acronym,
    // 11. Countries of recruitment (ISO 3166-1 alpha-2)
    List<String> countries,
    // 12. Health conditions or problems studied
    List<String> conditions,
    // 13. Interventions
    List<Intervention> interventions,
    // 14. Key inclusion and exclusion criteria
    Eligibility eligibility,
    // 15. Study type and design
    StudyDesign design,
    // 16. Date of first enrolment (CT.gov: start date)
    DatedEvent firstEnrolment,
    // 17. Sample size
    Enrolment enrolment,
    // 18. Recruitment status
    RecruitmentStatus recruitmentStatus,
    // 19. Primary outcomes, 20. key secondary outcomes
    List<Outcome> primaryOutcomes,
    List<Outcome> secondaryOutcomes,
    // 21. Ethics review
    EthicsReview ethicsReview,
    // 22. Completion date (CT.gov also has the primary completion date)
    DatedEvent primaryCompletion,
    DatedEvent completion,
    // 23. Summary results
    SummaryResults summaryResults,
    // 24. IPD sharing statement
    IpdSharing ipdSharing,
    // ClinicalTrials.gov elements beyond the WHO set
    String briefSummary,
    String detailedDescription,
    List<Arm> arms,
    List<Location> locations)
    implements Serializable {

  public static final String SCHEMA = "trialledger.registration/1";

  public RegistrationRecord {
    schema = SCHEMA;
    secondaryIds = copy(secondaryIds);
    fundingSources = copy(fundingSources);
    secondarySponsors = copy(secondarySponsors);
    countries = copy(countries);
    conditions = copy(conditions);
    interventions = copy(interventions);
    primaryOutcomes = copy(primaryOutcomes);
    secondaryOutcomes = copy(secondaryOutcomes);
    arms = copy(arms);
    locations = copy(locations);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** An empty draft. */
  public static RegistrationRecord empty() {
    return new RegistrationRecord(
        SCHEMA, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public record SecondaryId(String issuer, String id) implements Serializable {}

  public record Contact(String name, String affiliation, String email, String phone, String address)
      implements Serializable {}

  /**
   * {@code type} as in CT.gov: DRUG, DEVICE, BIOLOGICAL, PROCEDURE, BEHAVIORAL, DIETARY_SUPPLEMENT,
   * OTHER, …
   */
  public record Intervention(String type, String name, String description)
      implements Serializable {}

  /** Ages as ISO-8601-like text with a unit, e.g. "18 Years", "6 Months"; null for no limit. */
  public record Eligibility(
      String inclusionCriteria,
      String exclusionCriteria,
      Sex sex,
      String minimumAge,
      String maximumAge,
      Boolean healthyVolunteers,
      String criteriaText)
      implements Serializable {}

  public enum Sex {
    ALL,
    FEMALE,
    MALE
  }

  public record StudyDesign(
      StudyType studyType,
      String allocation,
      String interventionModel,
      String masking,
      String primaryPurpose,
      List<String> phases)
      implements Serializable {
    public StudyDesign {
      phases = phases == null ? List.of() : List.copyOf(phases);
    }
  }

  public enum StudyType {
    INTERVENTIONAL,
    OBSERVATIONAL,
    EXPANDED_ACCESS
  }

  /**
   * A date that may be partial ({@code 2023-11} or {@code 2023-11-05}) and whether it is actual or
   * anticipated.
   */
  public record DatedEvent(PartialDate date, DateType type) implements Serializable {}

  public enum DateType {
    ACTUAL,
    ANTICIPATED
  }

  public record Enrolment(Integer count, DateType type) implements Serializable {}

  public enum RecruitmentStatus {
    NOT_YET_RECRUITING,
    RECRUITING,
    ENROLLING_BY_INVITATION,
    ACTIVE_NOT_RECRUITING,
    SUSPENDED,
    TERMINATED,
    COMPLETED,
    WITHDRAWN,
    UNKNOWN
  }

  public record Outcome(String measure, String timeFrame, String description)
      implements Serializable {}

  public record EthicsReview(
      EthicsStatus status, PartialDate approvalDate, String committeeName, String committeeContact)
      implements Serializable {}

  public enum EthicsStatus {
    APPROVED,
    NOT_APPROVED,
    PENDING,
    NOT_REQUIRED
  }

  public record SummaryResults(PartialDate firstPosted, String url, String summary)
      implements Serializable {}

  public record IpdSharing(IpdPlan plan, String description) implements Serializable {}

  public enum IpdPlan {
    YES,
    NO,
    UNDECIDED
  }

  /**
   * {@code type} as in CT.gov: EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR,
   * SHAM_COMPARATOR, NO_INTERVENTION, OTHER.
   */
  public record Arm(String label, String type, String description, List<String> interventionNames)
      implements Serializable {
    public Arm {
      interventionNames = interventionNames == null ? List.of() : List.copyOf(interventionNames);
    }
  }

  public record Location(String facility, String city, String country, String status)
      implements Serializable {}
}
