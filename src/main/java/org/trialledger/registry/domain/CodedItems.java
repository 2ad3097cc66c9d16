package org.trialledger.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.Intervention;
import org.trialledger.registry.domain.RegistrationRecord.Location;
import org.trialledger.registry.domain.RegistrationRecord.StudyDesign;

/**
 * The items of a record that hold a code as text (the design's allocation, model, masking, purpose
 * and phases, intervention and arm types, location statuses): which vocabulary each takes, what
 * does not map to it, and the record with every mappable text replaced by its code.
 *
 * <p>Versions recorded before these were choices keep their text in the ledger (their canonical
 * JSON is hashed): pages and exports read them through {@link #normalise}; new drafts and versions
 * hold codes only ({@link RegistrationValidator} refuses the rest).
 */
public final class CodedItems {
  private CodedItems() {}

  /** A coded item whose text is no code of its vocabulary, nor maps to one. */
  public record Unmapped(String path, Vocabulary vocabulary, String value) {}

  /** Every coded item whose value is not a code (mappable or not). */
  public static List<Unmapped> notCodes(RegistrationRecord r) {
    List<Unmapped> out = new ArrayList<>();
    visit(
        r,
        (path, vocabulary, value) -> {
          if (!vocabulary.contains(value)) out.add(new Unmapped(path, vocabulary, value));
        });
    return out;
  }

  /** Every coded item whose value no code of its vocabulary means. */
  public static List<Unmapped> unmapped(RegistrationRecord r) {
    List<Unmapped> out = new ArrayList<>();
    visit(
        r,
        (path, vocabulary, value) -> {
          boolean maps =
              vocabulary == Vocabulary.PHASE
                  ? Vocabulary.phaseCodes(value).isPresent()
                  : vocabulary.code(value).isPresent();
          if (!maps) out.add(new Unmapped(path, vocabulary, value));
        });
    return out;
  }

  /** The record with each coded text that maps replaced by its code; the rest left as it is. */
  public static RegistrationRecord normalise(RegistrationRecord r) {
    StudyDesign d = r.design();
    StudyDesign design =
        d == null
            ? null
            : new StudyDesign(
                d.studyType(),
                map(Vocabulary.ALLOCATION, d.allocation()),
                map(Vocabulary.INTERVENTION_MODEL, d.interventionModel()),
                map(Vocabulary.MASKING, d.masking()),
                map(Vocabulary.PRIMARY_PURPOSE, d.primaryPurpose()),
                phases(d.phases()));
    List<Intervention> interventions =
        each(
            r.interventions(),
            i ->
                new Intervention(
                    map(Vocabulary.INTERVENTION_TYPE, i.type()), i.name(), i.description()));
    List<Arm> arms =
        each(
            r.arms(),
            a ->
                new Arm(
                    a.label(),
                    map(Vocabulary.ARM_TYPE, a.type()),
                    a.description(),
                    a.interventionNames()));
    List<Location> locations =
        each(
            r.locations(),
            l ->
                new Location(
                    l.facility(), l.city(), l.country(), map(Vocabulary.SITE_STATUS, l.status())));
    return new RegistrationRecord(
        r.schema(),
        r.secondaryIds(),
        r.fundingSources(),
        r.primarySponsor(),
        r.secondarySponsors(),
        r.publicContact(),
        r.scientificContact(),
        r.publicTitle(),
        r.scientificTitle(),
        r.acronym(),
        r.countries(),
        r.conditions(),
        interventions,
        r.eligibility(),
        design,
        r.firstEnrolment(),
        r.enrolment(),
        r.recruitmentStatus(),
        r.primaryOutcomes(),
        r.secondaryOutcomes(),
        r.ethicsReview(),
        r.primaryCompletion(),
        r.completion(),
        r.summaryResults(),
        r.ipdSharing(),
        r.briefSummary(),
        r.detailedDescription(),
        arms,
        locations);
  }

  /** Phases as codes: each line that maps gives its code(s), in order, once each. */
  public static List<String> phases(List<String> phases) {
    List<String> out = new ArrayList<>();
    for (String p : phases) {
      if (p == null) continue;
      for (String code : Vocabulary.phaseCodes(p).orElse(List.of(p)))
        if (!out.contains(code)) out.add(code);
    }
    return out;
  }

  private static String map(Vocabulary v, String text) {
    return text == null ? null : v.code(text).orElse(text);
  }

  private static <T> List<T> each(List<T> items, UnaryOperator<T> f) {
    return items.stream().map(i -> i == null ? null : f.apply(i)).toList();
  }

  private interface Visitor {
    void coded(String path, Vocabulary vocabulary, String value);
  }

  private static void visit(RegistrationRecord r, Visitor v) {
    StudyDesign d = r.design();
    if (d != null) {
      one(v, "design.allocation", Vocabulary.ALLOCATION, d.allocation());
      one(v, "design.interventionModel", Vocabulary.INTERVENTION_MODEL, d.interventionModel());
      one(v, "design.masking", Vocabulary.MASKING, d.masking());
      one(v, "design.primaryPurpose", Vocabulary.PRIMARY_PURPOSE, d.primaryPurpose());
      for (int i = 0; i < d.phases().size(); i++)
        one(v, "design.phases[" + i + "]", Vocabulary.PHASE, d.phases().get(i));
    }
    for (int i = 0; i < r.interventions().size(); i++) {
      Intervention x = r.interventions().get(i);
      if (x != null)
        one(v, "interventions[" + i + "].type", Vocabulary.INTERVENTION_TYPE, x.type());
    }
    for (int i = 0; i < r.arms().size(); i++) {
      Arm x = r.arms().get(i);
      if (x != null) one(v, "arms[" + i + "].type", Vocabulary.ARM_TYPE, x.type());
    }
    for (int i = 0; i < r.locations().size(); i++) {
      Location x = r.locations().get(i);
      if (x != null) one(v, "locations[" + i + "].status", Vocabulary.SITE_STATUS, x.status());
    }
  }

  private static void one(Visitor v, String path, Vocabulary vocabulary, String value) {
    if (value != null && !value.isBlank()) v.coded(path, vocabulary, value);
  }

  /** The vocabulary a record path takes, if it is a coded text item. */
  public static Optional<Vocabulary> vocabularyOf(String path) {
    String p = path.replaceAll("\\[\\d+]", "");
    return Optional.ofNullable(
        switch (p) {
          case "design.allocation" -> Vocabulary.ALLOCATION;
          case "design.interventionModel" -> Vocabulary.INTERVENTION_MODEL;
          case "design.masking" -> Vocabulary.MASKING;
          case "design.primaryPurpose" -> Vocabulary.PRIMARY_PURPOSE;
          case "design.phases" -> Vocabulary.PHASE;
          case "design.studyType" -> Vocabulary.STUDY_TYPE;
          case "interventions.type" -> Vocabulary.INTERVENTION_TYPE;
          case "arms.type" -> Vocabulary.ARM_TYPE;
          case "locations.status" -> Vocabulary.SITE_STATUS;
          case "recruitmentStatus" -> Vocabulary.RECRUITMENT_STATUS;
          case "eligibility.sex" -> Vocabulary.SEX;
          case "ipdSharing.plan" -> Vocabulary.IPD_PLAN;
          case "ethicsReview.status" -> Vocabulary.ETHICS_STATUS;
          case "firstEnrolment.type",
              "primaryCompletion.type",
              "completion.type",
              "enrolment.type" ->
              Vocabulary.DATE_TYPE;
          default -> null;
        });
  }
}
