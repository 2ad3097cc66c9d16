package org.trialledger.results.interop;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsRecord.AdverseEvents;
import org.trialledger.results.domain.ResultsRecord.Analysis;
import org.trialledger.results.domain.ResultsRecord.Baseline;
import org.trialledger.results.domain.ResultsRecord.Category;
import org.trialledger.results.domain.ResultsRecord.Denom;
import org.trialledger.results.domain.ResultsRecord.DenomCount;
import org.trialledger.results.domain.ResultsRecord.DropWithdraw;
import org.trialledger.results.domain.ResultsRecord.Event;
import org.trialledger.results.domain.ResultsRecord.EventGroup;
import org.trialledger.results.domain.ResultsRecord.EventStats;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.Measure;
import org.trialledger.results.domain.ResultsRecord.MeasureClass;
import org.trialledger.results.domain.ResultsRecord.Measurement;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.MoreInfo;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.Period;

/**
 * Writes a {@link ResultsRecord} as the {@code resultsSection} of a ClinicalTrials.gov API v2
 * study, in that API's spelling: participant-flow and denominator counts as digit strings,
 * adverse-event counts as numbers. What the record holds beyond the API (a group's registered arm,
 * the reasons for unreported outcomes) has no place there and is left out.
 */
public final class CtGovResultsExporter {
  private CtGovResultsExporter() {}

  public static JsonObject resultsSection(ResultsRecord r) {
    Obj out = new Obj();
    ParticipantFlow f = r.participantFlow();
    if (f != null)
      out.put(
          "participantFlowModule",
          new Obj()
              .put("recruitmentDetails", f.recruitmentDetails())
              .put("preAssignmentDetails", f.preAssignmentDetails())
              .put("typeUnitsAnalyzed", f.typeUnitsAnalyzed())
              .put("groups", list(f.groups(), CtGovResultsExporter::group))
              .put("periods", list(f.periods(), CtGovResultsExporter::period))
              .build());
    Baseline b = r.baseline();
    if (b != null)
      out.put(
          "baselineCharacteristicsModule",
          new Obj()
              .put("populationDescription", b.populationDescription())
              .put("typeUnitsAnalyzed", b.typeUnitsAnalyzed())
              .put("groups", list(b.groups(), CtGovResultsExporter::group))
              .put("denoms", list(b.denoms(), CtGovResultsExporter::denom))
              .put("measures", list(b.measures(), CtGovResultsExporter::measure))
              .build());
    if (!r.outcomeMeasures().isEmpty())
      out.put(
          "outcomeMeasuresModule",
          new Obj()
              .put("outcomeMeasures", list(r.outcomeMeasures(), CtGovResultsExporter::outcome))
              .build());
    AdverseEvents a = r.adverseEvents();
    if (a != null)
      out.put(
          "adverseEventsModule",
          new Obj()
              .put("frequencyThreshold", a.frequencyThreshold())
              .put("timeFrame", a.timeFrame())
              .put("description", a.description())
              .put("allCauseMortalityComment", a.allCauseMortalityComment())
              .put("eventGroups", list(a.eventGroups(), CtGovResultsExporter::eventGroup))
              .put("seriousEvents", list(a.seriousEvents(), CtGovResultsExporter::event))
              .put("otherEvents", list(a.otherEvents(), CtGovResultsExporter::event))
              .build());
    MoreInfo m = r.moreInfo();
    if (m != null) {
      Obj more = new Obj();
      if (m.limitationsAndCaveats() != null)
        more.put(
            "limitationsAndCaveats",
            new Obj().put("description", m.limitationsAndCaveats()).build());
      if (m.certainAgreement() != null)
        more.put(
            "certainAgreement",
            new Obj()
                .put("piSponsorEmployee", m.certainAgreement().piSponsorEmployee())
                .put("restrictionType", m.certainAgreement().restrictionType())
                .put("restrictiveAgreement", m.certainAgreement().restrictiveAgreement())
                .put("otherDetails", m.certainAgreement().otherDetails())
                .build());
      if (m.pointOfContact() != null)
        more.put(
            "pointOfContact",
            new Obj()
                .put("title", m.pointOfContact().title())
                .put("organization", m.pointOfContact().organization())
                .put("email", m.pointOfContact().email())
                .put("phone", m.pointOfContact().phone())
                .put("phoneExt", m.pointOfContact().phoneExt())
                .build());
      out.put("moreInfoModule", more.build());
    }
    return out.build();
  }

  private static JsonObject group(Group g) {
    return new Obj()
        .put("id", g.id())
        .put("title", g.title())
        .put("description", g.description())
        .build();
  }

  private static JsonObject period(Period p) {
    return new Obj()
        .put("title", p.title())
        .put("milestones", list(p.milestones(), CtGovResultsExporter::milestone))
        .put("dropWithdraws", list(p.dropWithdraws(), CtGovResultsExporter::drop))
        .build();
  }

  private static JsonObject milestone(Milestone m) {
    return new Obj()
        .put("type", m.type())
        .put("comment", m.comment())
        .put("achievements", list(m.achievements(), CtGovResultsExporter::count))
        .build();
  }

  private static JsonObject drop(DropWithdraw d) {
    return new Obj()
        .put("type", d.type())
        .put("comment", d.comment())
        .put("reasons", list(d.reasons(), CtGovResultsExporter::count))
        .build();
  }

  private static JsonObject count(GroupCount c) {
    return new Obj()
        .put("groupId", c.groupId())
        .put("comment", c.comment())
        .put("numSubjects", digits(c.numSubjects()))
        .put("numUnits", digits(c.numUnits()))
        .build();
  }

  private static JsonObject denom(Denom d) {
    return new Obj()
        .put("units", d.units())
        .put("counts", list(d.counts(), CtGovResultsExporter::denomCount))
        .build();
  }

  private static JsonObject denomCount(DenomCount c) {
    return new Obj().put("groupId", c.groupId()).put("value", digits(c.value())).build();
  }

  private static JsonObject measure(Measure m) {
    return new Obj()
        .put("title", m.title())
        .put("description", m.description())
        .put("populationDescription", m.populationDescription())
        .put("paramType", m.paramType())
        .put("dispersionType", m.dispersionType())
        .put("unitOfMeasure", m.unitOfMeasure())
        .put("denoms", list(m.denoms(), CtGovResultsExporter::denom))
        .put("classes", list(m.classes(), CtGovResultsExporter::measureClass))
        .build();
  }

  private static JsonObject measureClass(MeasureClass c) {
    return new Obj()
        .put("title", c.title())
        .put("denoms", list(c.denoms(), CtGovResultsExporter::denom))
        .put("categories", list(c.categories(), CtGovResultsExporter::category))
        .build();
  }

  private static JsonObject category(Category c) {
    return new Obj()
        .put("title", c.title())
        .put("measurements", list(c.measurements(), CtGovResultsExporter::measurement))
        .build();
  }

  private static JsonObject measurement(Measurement m) {
    return new Obj()
        .put("groupId", m.groupId())
        .put("value", m.value())
        .put("spread", m.spread())
        .put("lowerLimit", m.lowerLimit())
        .put("upperLimit", m.upperLimit())
        .put("comment", m.comment())
        .build();
  }

  private static JsonObject outcome(OutcomeMeasure o) {
    return new Obj()
        .put("type", o.type() == null ? null : o.type().name())
        .put("title", o.title())
        .put("description", o.description())
        .put("populationDescription", o.populationDescription())
        .put("reportingStatus", o.reportingStatus())
        .put("anticipatedPostingDate", o.anticipatedPostingDate())
        .put("paramType", o.paramType())
        .put("dispersionType", o.dispersionType())
        .put("unitOfMeasure", o.unitOfMeasure())
        .put("timeFrame", o.timeFrame())
        .put("typeUnitsAnalyzed", o.typeUnitsAnalyzed())
        .put("groups", list(o.groups(), CtGovResultsExporter::group))
        .put("denoms", list(o.denoms(), CtGovResultsExporter::denom))
        .put("classes", list(o.classes(), CtGovResultsExporter::measureClass))
        .put("analyses", list(o.analyses(), CtGovResultsExporter::analysis))
        .build();
  }

  private static JsonObject analysis(Analysis a) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    a.groupIds().forEach(ids::add);
    return new Obj()
        .put("groupIds", a.groupIds().isEmpty() ? null : ids.build())
        .put("groupDescription", a.groupDescription())
        .put("testedNonInferiority", a.testedNonInferiority())
        .put("nonInferiorityType", a.nonInferiorityType())
        .put("nonInferiorityComment", a.nonInferiorityComment())
        .put("pValue", a.pValue())
        .put("pValueComment", a.pValueComment())
        .put("statisticalMethod", a.statisticalMethod())
        .put("statisticalComment", a.statisticalComment())
        .put("paramType", a.paramType())
        .put("paramValue", a.paramValue())
        .put("dispersionType", a.dispersionType())
        .put("dispersionValue", a.dispersionValue())
        .put("ciPctValue", a.ciPctValue())
        .put("ciNumSides", a.ciNumSides())
        .put("ciLowerLimit", a.ciLowerLimit())
        .put("ciUpperLimit", a.ciUpperLimit())
        .put("ciLowerLimitComment", a.ciLowerLimitComment())
        .put("ciUpperLimitComment", a.ciUpperLimitComment())
        .put("estimateComment", a.estimateComment())
        .put("otherAnalysisDescription", a.otherAnalysisDescription())
        .build();
  }

  private static JsonObject eventGroup(EventGroup g) {
    return new Obj()
        .put("id", g.id())
        .put("title", g.title())
        .put("description", g.description())
        .put("deathsNumAffected", g.deathsNumAffected())
        .put("deathsNumAtRisk", g.deathsNumAtRisk())
        .put("seriousNumAffected", g.seriousNumAffected())
        .put("seriousNumAtRisk", g.seriousNumAtRisk())
        .put("otherNumAffected", g.otherNumAffected())
        .put("otherNumAtRisk", g.otherNumAtRisk())
        .build();
  }

  private static JsonObject event(Event e) {
    return new Obj()
        .put("term", e.term())
        .put("organSystem", e.organSystem())
        .put("sourceVocabulary", e.sourceVocabulary())
        .put("assessmentType", e.assessmentType() == null ? null : e.assessmentType().name())
        .put("notes", e.notes())
        .put("stats", list(e.stats(), CtGovResultsExporter::stats))
        .build();
  }

  private static JsonObject stats(EventStats s) {
    return new Obj()
        .put("groupId", s.groupId())
        .put("numEvents", s.numEvents())
        .put("numAffected", s.numAffected())
        .put("numAtRisk", s.numAtRisk())
        .build();
  }

  private static String digits(Integer i) {
    return i == null ? null : i.toString();
  }

  private static <T> JsonArray list(List<T> items, Function<T, JsonObject> write) {
    if (items.isEmpty()) return null;
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (T item : items) out.add(write.apply(item));
    return out.build();
  }

  /** An object builder that leaves absent values out, as the API does. */
  private static final class Obj {
    private final JsonObjectBuilder b = Json.createObjectBuilder();

    Obj put(String key, Object value) {
      if (value instanceof String s) b.add(key, s);
      else if (value instanceof Integer i) b.add(key, i);
      else if (value instanceof Boolean x) b.add(key, x);
      else if (value instanceof JsonObject o) b.add(key, o);
      else if (value instanceof JsonArray a) b.add(key, a);
      return this;
    }

    JsonObject build() {
      return b.build();
    }
  }
}
