package org.trialledger.results.interop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.trialledger.registry.interop.FhirResearchStudyExporter;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsRecord.Category;
import org.trialledger.results.domain.ResultsRecord.Denom;
import org.trialledger.results.domain.ResultsRecord.DenomCount;
import org.trialledger.results.domain.ResultsRecord.Event;
import org.trialledger.results.domain.ResultsRecord.EventGroup;
import org.trialledger.results.domain.ResultsRecord.EventStats;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.MeasureClass;
import org.trialledger.results.domain.ResultsRecord.Measurement;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;

/**
 * Published results as FHIR R4: a {@code Bundle} (collection) of one {@code Group} per registered
 * arm (its participants who started, the arm named by label) and group-level {@code Observation}s
 * whose subject is that Group: one per outcome-measure cell (value as written, dispersion and
 * numbers analysed as components) and one per adverse-event term and arm (affected, at risk,
 * events). R4 has no resource for a trial's results tables: MeasureReport needs a quality-measure
 * definition and EvidenceReport is R5; an Observation about a Group is R4's group-level statistic.
 * Statistical analyses and baseline characteristics are not exported (docs/results.md).
 */
public final class FhirResultsExporter {
  static final String SYSTEM = "https://trialledger.org/fhir/CodeSystem/results";
  static final String ARM_SYSTEM = "https://trialledger.org/fhir/CodeSystem/arm";

  private FhirResultsExporter() {}

  public static String toJson(String registryId, int version, ResultsRecord r) {
    return FhirResearchStudyExporter.fhirContext()
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(toBundle(registryId, version, r));
  }

  public static Bundle toBundle(String registryId, int version, ResultsRecord r) {
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.COLLECTION);
    b.setIdentifier(
        new Identifier()
            .setSystem(FhirResearchStudyExporter.REGISTRY_ID_SYSTEM)
            .setValue(registryId + "/results/" + version));
    Reference study =
        new Reference()
            .setIdentifier(
                new Identifier()
                    .setSystem(FhirResearchStudyExporter.REGISTRY_ID_SYSTEM)
                    .setValue(registryId))
            .setType("ResearchStudy");
    // one Group per arm, in the order the modules name them
    Map<String, String> groupIds = new LinkedHashMap<>();
    Map<String, Integer> started = startedByArm(r);
    for (String arm : arms(r)) {
      String id = "arm-" + (groupIds.size() + 1);
      groupIds.put(arm, id);
      Group g = new Group();
      g.setType(Group.GroupType.PERSON);
      g.setActual(true);
      g.setName(arm);
      g.setCode(new CodeableConcept(new Coding(ARM_SYSTEM, arm, arm)));
      if (started.get(arm) != null) g.setQuantity(started.get(arm));
      g.addCharacteristic()
          .setCode(new CodeableConcept(new Coding(SYSTEM, "research-study", "Research study")))
          .setValue(study)
          .setExclude(false);
      b.addEntry().setFullUrl("urn:trialledger:" + id).setResource(g);
    }
    int n = 0;
    for (int i = 0; i < r.outcomeMeasures().size(); i++) {
      OutcomeMeasure o = r.outcomeMeasures().get(i);
      for (var grp : o.groups()) {
        String gid = groupIds.get(grp.armLabel());
        if (gid == null) continue;
        for (MeasureClass c : o.classes())
          for (Category cat : c.categories())
            for (Measurement m : cat.measurements()) {
              if (!grp.id().equals(m.groupId()) || m.value() == null) continue;
              Observation obs = observation(study, gid, "outcome-measure", o.title());
              obs.getCode().setText(label(o.title(), c.title(), cat.title()));
              obs.setMethod(text(o.paramType()));
              if (o.type() != null)
                obs.addCategory(
                    new CodeableConcept(
                        new Coding(SYSTEM, o.type().name(), words(o.type().name()))));
              obs.setValue(value(m.value(), o.unitOfMeasure()));
              if (m.spread() != null)
                obs.addComponent()
                    .setCode(text(o.dispersionType()))
                    .setValue(value(m.spread(), o.unitOfMeasure()));
              if (m.lowerLimit() != null)
                obs.addComponent()
                    .setCode(new CodeableConcept(new Coding(SYSTEM, "lower-limit", "Lower limit")))
                    .setValue(value(m.lowerLimit(), o.unitOfMeasure()));
              if (m.upperLimit() != null)
                obs.addComponent()
                    .setCode(new CodeableConcept(new Coding(SYSTEM, "upper-limit", "Upper limit")))
                    .setValue(value(m.upperLimit(), o.unitOfMeasure()));
              for (Denom d : o.denoms())
                for (DenomCount k : d.counts())
                  if (grp.id().equals(k.groupId()) && k.value() != null)
                    obs.addComponent()
                        .setCode(
                            new CodeableConcept(
                                    new Coding(SYSTEM, "number-analysed", "Number analysed"))
                                .setText(d.units() + " analysed"))
                        .setValue(new IntegerType(k.value()));
              if (o.timeFrame() != null) obs.addNote().setText("Time frame: " + o.timeFrame());
              b.addEntry().setFullUrl("urn:trialledger:obs-" + ++n).setResource(obs);
            }
      }
    }
    if (r.adverseEvents() != null) {
      Map<String, String> eventGroups = new LinkedHashMap<>();
      for (EventGroup g : r.adverseEvents().eventGroups())
        if (groupIds.containsKey(g.armLabel())) eventGroups.put(g.id(), groupIds.get(g.armLabel()));
      for (boolean serious : new boolean[] {true, false})
        for (Event e :
            serious ? r.adverseEvents().seriousEvents() : r.adverseEvents().otherEvents())
          for (EventStats s : e.stats()) {
            String gid = eventGroups.get(s.groupId());
            if (gid == null) continue;
            Observation obs = observation(study, gid, "adverse-event", e.term());
            obs.addCategory(
                new CodeableConcept(
                    new Coding(
                        SYSTEM,
                        serious ? "serious" : "other",
                        serious ? "Serious adverse event" : "Other adverse event")));
            if (e.organSystem() != null)
              obs.setBodySite(new CodeableConcept().setText(e.organSystem()));
            if (e.sourceVocabulary() != null)
              obs.getCode().getCodingFirstRep().setVersion(e.sourceVocabulary());
            count(obs, "affected", "Participants affected", s.numAffected());
            count(obs, "at-risk", "Participants at risk", s.numAtRisk());
            count(obs, "events", "Number of events", s.numEvents());
            b.addEntry().setFullUrl("urn:trialledger:obs-" + ++n).setResource(obs);
          }
    }
    return b;
  }

  private static Observation observation(
      Reference study, String groupId, String kind, String what) {
    Observation obs = new Observation();
    obs.setStatus(Observation.ObservationStatus.FINAL);
    obs.setSubject(new Reference("urn:trialledger:" + groupId));
    obs.addFocus(study);
    obs.setCode(new CodeableConcept(new Coding(SYSTEM, kind, words(kind))).setText(what));
    return obs;
  }

  private static void count(Observation obs, String code, String display, Integer n) {
    if (n == null) return;
    obs.addComponent()
        .setCode(new CodeableConcept(new Coding(SYSTEM, code, display)))
        .setValue(new IntegerType(n));
  }

  /** A number keeps its digits as written (a BigDecimal); anything else ("NA", "<0.1") is text. */
  static org.hl7.fhir.r4.model.Type value(String v, String unit) {
    try {
      Quantity q = new Quantity().setValue(new BigDecimal(v.strip()));
      if (unit != null) q.setUnit(unit);
      return q;
    } catch (NumberFormatException e) {
      return new StringType(v);
    }
  }

  private static CodeableConcept text(String s) {
    return s == null ? null : new CodeableConcept().setText(words(s));
  }

  private static String label(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) if (p != null && !p.isBlank()) out.add(p);
    return String.join(" · ", out);
  }

  private static String words(String code) {
    String s = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> arms(ResultsRecord r) {
    List<String> out = new ArrayList<>();
    if (r.participantFlow() != null)
      r.participantFlow().groups().forEach(g -> add(out, g.armLabel()));
    r.outcomeMeasures().forEach(o -> o.groups().forEach(g -> add(out, g.armLabel())));
    if (r.adverseEvents() != null)
      r.adverseEvents().eventGroups().forEach(g -> add(out, g.armLabel()));
    return out;
  }

  private static void add(List<String> out, String arm) {
    if (arm != null && !out.contains(arm)) out.add(arm);
  }

  /** Participants who started each arm (the first period's STARTED milestone). */
  private static Map<String, Integer> startedByArm(ResultsRecord r) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (r.participantFlow() == null || r.participantFlow().periods().isEmpty()) return out;
    for (Milestone m : r.participantFlow().periods().get(0).milestones()) {
      if (!Milestone.STARTED.equalsIgnoreCase(m.type())) continue;
      for (GroupCount c : m.achievements())
        for (var g : r.participantFlow().groups())
          if (g.id() != null && g.id().equals(c.groupId()) && g.armLabel() != null)
            out.put(g.armLabel(), c.numSubjects());
    }
    return out;
  }
}
