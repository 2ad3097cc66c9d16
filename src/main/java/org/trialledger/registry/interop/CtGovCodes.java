package org.trialledger.registry.interop;

import java.util.Map;
import java.util.Set;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.Vocabulary;

/**
 * The closed code lists of ClinicalTrials.gov API v2 that the registry keeps as text, shared by
 * import and export; the lists themselves are {@link Vocabulary}'s.
 */
final class CtGovCodes {
  private CtGovCodes() {}

  static final String NCT_ISSUER = "ClinicalTrials.gov";

  static final Set<String> PHASES = codes(Vocabulary.PHASE);
  static final Set<String> ALLOCATIONS = codes(Vocabulary.ALLOCATION);
  static final Set<String> INTERVENTION_MODELS = codes(Vocabulary.INTERVENTION_MODEL);
  static final Set<String> PRIMARY_PURPOSES = codes(Vocabulary.PRIMARY_PURPOSE);
  static final Set<String> MASKINGS = codes(Vocabulary.MASKING);
  static final Set<String> INTERVENTION_TYPES = codes(Vocabulary.INTERVENTION_TYPE);
  static final Set<String> ARM_TYPES = codes(Vocabulary.ARM_TYPE);

  /** A site's recruitment status. */
  static final Set<String> SITE_STATUSES = codes(Vocabulary.SITE_STATUS);

  private static Set<String> codes(Vocabulary v) {
    return Set.copyOf(v.labels().keySet());
  }

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
