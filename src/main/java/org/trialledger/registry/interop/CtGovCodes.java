package org.trialledger.registry.interop;

import java.util.Map;
import java.util.Set;
import org.trialledger.registry.domain.RegistrationRecord.DateType;

/**
 * The closed code lists of ClinicalTrials.gov API v2 that the registry keeps as text, shared by
 * import and export.
 */
final class CtGovCodes {
  private CtGovCodes() {}

  static final String NCT_ISSUER = "ClinicalTrials.gov";

  static final Set<String> PHASES =
      Set.of("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4");
  static final Set<String> ALLOCATIONS = Set.of("RANDOMIZED", "NON_RANDOMIZED", "NA");
  static final Set<String> INTERVENTION_MODELS =
      Set.of("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL");
  static final Set<String> PRIMARY_PURPOSES =
      Set.of(
          "TREATMENT",
          "PREVENTION",
          "DIAGNOSTIC",
          "ECT",
          "SUPPORTIVE_CARE",
          "SCREENING",
          "HEALTH_SERVICES_RESEARCH",
          "BASIC_SCIENCE",
          "DEVICE_FEASIBILITY",
          "OTHER");
  static final Set<String> MASKINGS = Set.of("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE");
  static final Set<String> INTERVENTION_TYPES =
      Set.of(
          "BEHAVIORAL",
          "BIOLOGICAL",
          "COMBINATION_PRODUCT",
          "DEVICE",
          "DIAGNOSTIC_TEST",
          "DIETARY_SUPPLEMENT",
          "DRUG",
          "GENETIC",
          "PROCEDURE",
          "RADIATION",
          "OTHER");
  static final Set<String> ARM_TYPES =
      Set.of(
          "EXPERIMENTAL",
          "ACTIVE_COMPARATOR",
          "PLACEBO_COMPARATOR",
          "SHAM_COMPARATOR",
          "NO_INTERVENTION",
          "OTHER");

  /** A site's recruitment status. */
  static final Set<String> SITE_STATUSES =
      Set.of(
          "ACTIVE_NOT_RECRUITING",
          "COMPLETED",
          "ENROLLING_BY_INVITATION",
          "NOT_YET_RECRUITING",
          "RECRUITING",
          "SUSPENDED",
          "TERMINATED",
          "WITHDRAWN",
          "AVAILABLE");

  /**
   * Secondary id types whose name is itself the issuer. OTHER, OTHER_GRANT and REGISTRY name theirs
   * in {@code domain}.
   */
  static final Map<String, String> ID_TYPE_ISSUERS =
      Map.of(
          "NIH",
          "NIH",
          "FDA",
          "FDA",
          "VA",
          "VA",
          "CDC",
          "CDC",
          "AHRQ",
          "AHRQ",
          "SAMHSA",
          "SAMHSA",
          "EUDRACT_NUMBER",
          "EudraCT",
          "CTIS",
          "CTIS");

  /**
   * CT.gov says ESTIMATED where the WHO data set says anticipated; records before 2017 say
   * ANTICIPATED.
   */
  static DateType dateType(String code) {
    return switch (code) {
      case "ACTUAL" -> DateType.ACTUAL;
      case "ESTIMATED", "ANTICIPATED" -> DateType.ANTICIPATED;
      default -> null;
    };
  }

  static String dateTypeCode(DateType type) {
    return type == DateType.ACTUAL ? "ACTUAL" : "ESTIMATED";
  }
}
