package org.trialledger.registry.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The controlled vocabularies of the registration record, one place for each: the codes of
 * ClinicalTrials.gov API v2 (which the record, its canonical JSON, the exports and the API keep)
 * and the label a person reads. {@link #code} maps what people typed before these were choices
 * ("Phase 3", "phase iii", "N/A", "Randomised") to a code where it maps unambiguously.
 */
public enum Vocabulary {
  PHASE(
      "EARLY_PHASE1", "Early phase 1",
      "PHASE1", "Phase 1",
      "PHASE2", "Phase 2",
      "PHASE3", "Phase 3",
      "PHASE4", "Phase 4",
      "NA", "Not applicable"),
  ALLOCATION(
      "RANDOMIZED", "Randomized",
      "NON_RANDOMIZED", "Non-randomized",
      "NA", "Not applicable"),
  INTERVENTION_MODEL(
      "SINGLE_GROUP", "Single group assignment",
      "PARALLEL", "Parallel assignment",
      "CROSSOVER", "Crossover assignment",
      "FACTORIAL", "Factorial assignment",
      "SEQUENTIAL", "Sequential assignment"),
  PRIMARY_PURPOSE(
      "TREATMENT", "Treatment",
      "PREVENTION", "Prevention",
      "DIAGNOSTIC", "Diagnostic",
      "ECT", "Educational/counseling/training",
      "SUPPORTIVE_CARE", "Supportive care",
      "SCREENING", "Screening",
      "HEALTH_SERVICES_RESEARCH", "Health services research",
      "BASIC_SCIENCE", "Basic science",
      "DEVICE_FEASIBILITY", "Device feasibility",
      "OTHER", "Other"),
  MASKING(
      "NONE", "None (open label)",
      "SINGLE", "Single",
      "DOUBLE", "Double",
      "TRIPLE", "Triple",
      "QUADRUPLE", "Quadruple"),
  INTERVENTION_TYPE(
      "BEHAVIORAL", "Behavioral",
      "BIOLOGICAL", "Biological",
      "COMBINATION_PRODUCT", "Combination product",
      "DEVICE", "Device",
      "DIAGNOSTIC_TEST", "Diagnostic test",
      "DIETARY_SUPPLEMENT", "Dietary supplement",
      "DRUG", "Drug",
      "GENETIC", "Genetic",
      "PROCEDURE", "Procedure",
      "RADIATION", "Radiation",
      "OTHER", "Other"),
  ARM_TYPE(
      "EXPERIMENTAL", "Experimental",
      "ACTIVE_COMPARATOR", "Active comparator",
      "PLACEBO_COMPARATOR", "Placebo comparator",
      "SHAM_COMPARATOR", "Sham comparator",
      "NO_INTERVENTION", "No intervention",
      "OTHER", "Other"),
  /** Overall recruitment status ({@link RegistrationRecord.RecruitmentStatus}). */
  RECRUITMENT_STATUS(
      "NOT_YET_RECRUITING", "Not yet recruiting",
      "RECRUITING", "Recruiting",
      "ENROLLING_BY_INVITATION", "Enrolling by invitation",
      "ACTIVE_NOT_RECRUITING", "Active, not recruiting",
      "SUSPENDED", "Suspended",
      "TERMINATED", "Terminated",
      "COMPLETED", "Completed",
      "WITHDRAWN", "Withdrawn",
      "UNKNOWN", "Unknown status"),
  /** A location's recruitment status: the overall ones and expanded access's AVAILABLE. */
  SITE_STATUS(
      "NOT_YET_RECRUITING", "Not yet recruiting",
      "RECRUITING", "Recruiting",
      "ENROLLING_BY_INVITATION", "Enrolling by invitation",
      "ACTIVE_NOT_RECRUITING", "Active, not recruiting",
      "SUSPENDED", "Suspended",
      "TERMINATED", "Terminated",
      "COMPLETED", "Completed",
      "WITHDRAWN", "Withdrawn",
      "AVAILABLE", "Available"),
  STUDY_TYPE(
      "INTERVENTIONAL", "Interventional",
      "OBSERVATIONAL", "Observational",
      "EXPANDED_ACCESS", "Expanded access"),
  /** The record says ANTICIPATED; CT.gov API v2 says ESTIMATED (the exports write that). */
  DATE_TYPE("ACTUAL", "Actual", "ANTICIPATED", "Estimated"),
  SEX("ALL", "All", "FEMALE", "Female", "MALE", "Male"),
  IPD_PLAN("YES", "Yes", "NO", "No", "UNDECIDED", "Undecided"),
  ETHICS_STATUS(
      "APPROVED", "Approved",
      "NOT_APPROVED", "Not approved",
      "PENDING", "Pending",
      "NOT_REQUIRED", "Not required");

  /** Spellings found in free text that neither a code nor a label yields, by their key. */
  private static final Map<Vocabulary, Map<String, String>> ALIASES =
      Map.of(
          PHASE,
          Map.ofEntries(
              Map.entry("PHASE0", "EARLY_PHASE1"),
              Map.entry("EARLYPHASEI", "EARLY_PHASE1"),
              Map.entry("PHASEI", "PHASE1"),
              Map.entry("PHASEII", "PHASE2"),
              Map.entry("PHASEIII", "PHASE3"),
              Map.entry("PHASEIV", "PHASE4"),
              Map.entry("NOTAPPLICABLE", "NA")),
          ALLOCATION,
          Map.of("RANDOMISED", "RANDOMIZED", "NONRANDOMISED", "NON_RANDOMIZED"),
          MASKING,
          Map.of(
              "OPENLABEL", "NONE",
              "OPEN", "NONE",
              "SINGLEBLIND", "SINGLE",
              "DOUBLEBLIND", "DOUBLE",
              "TRIPLEBLIND", "TRIPLE",
              "QUADRUPLEBLIND", "QUADRUPLE"),
          INTERVENTION_MODEL,
          Map.of("SINGLEGROUPASSIGNMENT", "SINGLE_GROUP", "PARALLELGROUP", "PARALLEL"),
          INTERVENTION_TYPE,
          Map.of("BEHAVIOURAL", "BEHAVIORAL"),
          DATE_TYPE,
          Map.of("ESTIMATED", "ANTICIPATED"));

  private final Map<String, String> labels;

  Vocabulary(String... codeAndLabel) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < codeAndLabel.length; i += 2) m.put(codeAndLabel[i], codeAndLabel[i + 1]);
    labels = Collections.unmodifiableMap(m);
  }

  /** Codes and their labels, in the order a form offers them. */
  public Map<String, String> labels() {
    return labels;
  }

  public boolean contains(String code) {
    return code != null && labels.containsKey(code);
  }

  /**
   * The label of a code; text that is not a code but maps to one is shown with that code's label,
   * and anything else as it was entered.
   */
  public String label(String codeOrText) {
    if (codeOrText == null) return null;
    return code(codeOrText).map(labels::get).orElse(codeOrText);
  }

  /**
   * The code that text means: the code itself, its label, or a known spelling of either, ignoring
   * case, spaces and punctuation ("Phase 3", "phase iii", "PHASE-3" → PHASE3; "N/A" → NA).
   */
  public Optional<String> code(String text) {
    if (text == null) return Optional.empty();
    if (labels.containsKey(text)) return Optional.of(text);
    String key = key(text);
    if (key.isEmpty()) return Optional.empty();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (key(e.getKey()).equals(key) || key(e.getValue()).equals(key))
        return Optional.of(e.getKey());
    }
    return Optional.ofNullable(ALIASES.getOrDefault(this, Map.of()).get(key));
  }

  /**
   * Phases as free text may name two in one line, as registries print them ("Phase 2/Phase 3",
   * "Phase 1/2"): the codes of each part, or empty when any part does not map.
   */
  public static Optional<List<String>> phaseCodes(String text) {
    if (text == null) return Optional.empty();
    Optional<String> whole = PHASE.code(text);
    if (whole.isPresent()) return Optional.of(List.of(whole.get()));
    String[] parts = text.split("\\s*[/,&]\\s*|\\s+and\\s+");
    if (parts.length < 2) return Optional.empty();
    List<String> out = new ArrayList<>();
    String prefix = "";
    for (String part : parts) {
      Optional<String> code = PHASE.code(part);
      if (code.isEmpty() && !prefix.isEmpty()) code = PHASE.code(prefix + part);
      if (code.isEmpty()) return Optional.empty();
      if (part.toUpperCase(Locale.ROOT).startsWith("PHASE")) prefix = "Phase ";
      out.add(code.get());
    }
    return Optional.of(out);
  }

  private static String key(String text) {
    return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
