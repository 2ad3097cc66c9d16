package org.trialledger.results.interop;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.interop.JsonNode;
import org.trialledger.registry.interop.ReadLog;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsRecord.AdverseEvents;
import org.trialledger.results.domain.ResultsRecord.Analysis;
import org.trialledger.results.domain.ResultsRecord.AssessmentType;
import org.trialledger.results.domain.ResultsRecord.Baseline;
import org.trialledger.results.domain.ResultsRecord.Category;
import org.trialledger.results.domain.ResultsRecord.CertainAgreement;
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
import org.trialledger.results.domain.ResultsRecord.OutcomeType;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.Period;
import org.trialledger.results.domain.ResultsRecord.PointOfContact;

/**
 * Imports the {@code resultsSection} of a ClinicalTrials.gov API v2 study record field by field
 * into a {@link ResultsRecord}. Every path under it that holds a value and has no home in the
 * record is listed in {@link ResultsImport#unmapped()}; wrong types and unknown codes are warnings.
 * Groups are tied to the registered arms by title ({@link ArmMatcher}); a group no arm matches is
 * warned about (except a baseline "Total").
 */
public final class CtGovResultsImporter {
  private static final String ROOT = "resultsSection";

  private final ArmMatcher arms;

  private CtGovResultsImporter(List<String> armLabels) {
    this.arms = new ArmMatcher(armLabels);
  }

  /**
   * @param armLabels the registered arms' labels, to tie groups to
   * @throws IllegalArgumentException when the text is not JSON or has no {@code resultsSection}
   */
  public static ResultsImport importResults(String json, List<String> armLabels) {
    if (json == null || json.isBlank())
      throw new IllegalArgumentException("The ClinicalTrials.gov record is empty");
    try {
      JsonParser.parse(json); // bounded parser first: nesting, number sizes, duplicate keys
    } catch (JsonParser.MalformedJsonException e) {
      throw new IllegalArgumentException(
          "The ClinicalTrials.gov record is not valid JSON: " + e.getMessage(), e);
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new IllegalArgumentException(
          "The ClinicalTrials.gov record is not valid JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof JsonObject study))
      throw new IllegalArgumentException("A ClinicalTrials.gov study record is a JSON object");
    return importResults(study, armLabels);
  }

  /**
   * @throws IllegalArgumentException when the study has no {@code resultsSection} object
   */
  public static ResultsImport importResults(JsonObject study, List<String> armLabels) {
    if (!(study.get(ROOT) instanceof JsonObject section))
      throw new IllegalArgumentException(
          "The ClinicalTrials.gov record has no results (no resultsSection object)");
    // rooted at a copy holding only the section, so the unmapped list speaks of it alone
    JsonObject root = Json.createObjectBuilder().add(ROOT, section).build();
    ReadLog log = new ReadLog();
    JsonNode results = new JsonNode(root, "", log).object(ROOT);
    ResultsRecord record = new CtGovResultsImporter(armLabels).read(results);
    return new ResultsImport(record, log.unmapped(root), log.warnings());
  }

  private ResultsRecord read(JsonNode r) {
    return new ResultsRecord(
        ResultsRecord.SCHEMA,
        participantFlow(r.object("participantFlowModule")),
        baseline(r.object("baselineCharacteristicsModule")),
        outcomeMeasures(r.object("outcomeMeasuresModule")),
        List.of(),
        adverseEvents(r.object("adverseEventsModule")),
        moreInfo(r.object("moreInfoModule")));
  }

  private ParticipantFlow participantFlow(JsonNode m) {
    if (!m.present()) return null;
    List<Period> periods = new ArrayList<>();
    for (JsonNode p : m.objects("periods")) {
      List<Milestone> milestones = new ArrayList<>();
      for (JsonNode s : p.objects("milestones"))
        milestones.add(
            new Milestone(s.text("type"), s.text("comment"), counts(s.objects("achievements"))));
      List<DropWithdraw> drops = new ArrayList<>();
      for (JsonNode d : p.objects("dropWithdraws"))
        drops.add(
            new DropWithdraw(d.text("type"), d.text("comment"), counts(d.objects("reasons"))));
      periods.add(new Period(p.text("title"), milestones, drops));
    }
    return new ParticipantFlow(
        m.text("recruitmentDetails"),
        m.text("preAssignmentDetails"),
        m.text("typeUnitsAnalyzed"),
        groups(m.objects("groups"), false),
        periods);
  }

  private static List<GroupCount> counts(List<JsonNode> nodes) {
    List<GroupCount> out = new ArrayList<>();
    for (JsonNode a : nodes)
      out.add(
          new GroupCount(
              a.text("groupId"), a.count("numSubjects"), a.count("numUnits"), a.text("comment")));
    return out;
  }

  private List<Group> groups(List<JsonNode> nodes, boolean mayHaveTotal) {
    List<Group> out = new ArrayList<>();
    for (JsonNode g : nodes) {
      String title = g.text("title");
      String arm = arms.match(title);
      boolean total = mayHaveTotal && title != null && title.strip().equalsIgnoreCase("Total");
      if (arm == null && !total)
        g.warn(g.path() + " (\"" + title + "\") matches no registered arm; tie it to one by hand");
      out.add(new Group(g.text("id"), title, g.text("description"), arm));
    }
    return out;
  }

  private static List<Denom> denoms(List<JsonNode> nodes) {
    List<Denom> out = new ArrayList<>();
    for (JsonNode d : nodes) {
      List<DenomCount> counts = new ArrayList<>();
      for (JsonNode c : d.objects("counts"))
        counts.add(new DenomCount(c.text("groupId"), c.count("value")));
      out.add(new Denom(d.text("units"), counts));
    }
    return out;
  }

  private static List<MeasureClass> classes(List<JsonNode> nodes) {
    List<MeasureClass> out = new ArrayList<>();
    for (JsonNode c : nodes) {
      List<Category> categories = new ArrayList<>();
      for (JsonNode k : c.objects("categories")) {
        List<Measurement> cells = new ArrayList<>();
        for (JsonNode x : k.objects("measurements"))
          cells.add(
              new Measurement(
                  x.text("groupId"),
                  x.text("value"),
                  x.text("spread"),
                  x.text("lowerLimit"),
                  x.text("upperLimit"),
                  x.text("comment")));
        categories.add(new Category(k.text("title"), cells));
      }
      out.add(new MeasureClass(c.text("title"), denoms(c.objects("denoms")), categories));
    }
    return out;
  }

  private Baseline baseline(JsonNode m) {
    if (!m.present()) return null;
    List<Measure> measures = new ArrayList<>();
    for (JsonNode x : m.objects("measures"))
      measures.add(
          new Measure(
              x.text("title"),
              x.text("description"),
              x.text("populationDescription"),
              x.text("paramType"),
              x.text("dispersionType"),
              x.text("unitOfMeasure"),
              denoms(x.objects("denoms")),
              classes(x.objects("classes"))));
    return new Baseline(
        m.text("populationDescription"),
        m.text("typeUnitsAnalyzed"),
        groups(m.objects("groups"), true),
        denoms(m.objects("denoms")),
        measures);
  }

  private List<OutcomeMeasure> outcomeMeasures(JsonNode m) {
    List<OutcomeMeasure> out = new ArrayList<>();
    for (JsonNode o : m.objects("outcomeMeasures")) {
      List<Analysis> analyses = new ArrayList<>();
      for (JsonNode a : o.objects("analyses"))
        analyses.add(
            new Analysis(
                a.texts("groupIds"),
                a.text("groupDescription"),
                a.bool("testedNonInferiority"),
                a.text("nonInferiorityType"),
                a.text("nonInferiorityComment"),
                a.text("pValue"),
                a.text("pValueComment"),
                a.text("statisticalMethod"),
                a.text("statisticalComment"),
                a.text("paramType"),
                a.text("paramValue"),
                a.text("dispersionType"),
                a.text("dispersionValue"),
                a.text("ciPctValue"),
                a.text("ciNumSides"),
                a.text("ciLowerLimit"),
                a.text("ciUpperLimit"),
                a.text("ciLowerLimitComment"),
                a.text("ciUpperLimitComment"),
                a.text("estimateComment"),
                a.text("otherAnalysisDescription")));
      out.add(
          new OutcomeMeasure(
              o.enumValue("type", OutcomeType.class),
              o.text("title"),
              o.text("description"),
              o.text("populationDescription"),
              o.text("reportingStatus"),
              o.text("anticipatedPostingDate"),
              o.text("paramType"),
              o.text("dispersionType"),
              o.text("unitOfMeasure"),
              o.text("timeFrame"),
              o.text("typeUnitsAnalyzed"),
              groups(o.objects("groups"), false),
              denoms(o.objects("denoms")),
              classes(o.objects("classes")),
              analyses));
    }
    return out;
  }

  private AdverseEvents adverseEvents(JsonNode m) {
    if (!m.present()) return null;
    List<EventGroup> groups = new ArrayList<>();
    for (JsonNode g : m.objects("eventGroups")) {
      String title = g.text("title");
      String arm = arms.match(title);
      if (arm == null)
        g.warn(g.path() + " (\"" + title + "\") matches no registered arm; tie it to one by hand");
      groups.add(
          new EventGroup(
              g.text("id"),
              title,
              g.text("description"),
              arm,
              g.count("deathsNumAffected"),
              g.count("deathsNumAtRisk"),
              g.count("seriousNumAffected"),
              g.count("seriousNumAtRisk"),
              g.count("otherNumAffected"),
              g.count("otherNumAtRisk")));
    }
    return new AdverseEvents(
        m.text("frequencyThreshold"),
        m.text("timeFrame"),
        m.text("description"),
        m.text("allCauseMortalityComment"),
        groups,
        events(m.objects("seriousEvents")),
        events(m.objects("otherEvents")));
  }

  private static List<Event> events(List<JsonNode> nodes) {
    List<Event> out = new ArrayList<>();
    for (JsonNode e : nodes) {
      List<EventStats> stats = new ArrayList<>();
      for (JsonNode s : e.objects("stats"))
        stats.add(
            new EventStats(
                s.text("groupId"),
                s.count("numEvents"),
                s.count("numAffected"),
                s.count("numAtRisk")));
      out.add(
          new Event(
              e.text("term"),
              e.text("organSystem"),
              e.text("sourceVocabulary"),
              e.enumValue("assessmentType", AssessmentType.class),
              e.text("notes"),
              stats));
    }
    return out;
  }

  private static MoreInfo moreInfo(JsonNode m) {
    if (!m.present()) return null;
    JsonNode a = m.object("certainAgreement");
    JsonNode p = m.object("pointOfContact");
    return new MoreInfo(
        m.object("limitationsAndCaveats").text("description"),
        a.present()
            ? new CertainAgreement(
                a.bool("piSponsorEmployee"),
                a.text("restrictionType"),
                a.bool("restrictiveAgreement"),
                a.text("otherDetails"))
            : null,
        p.present()
            ? new PointOfContact(
                p.text("title"),
                p.text("organization"),
                p.text("email"),
                p.text("phone"),
                p.text("phoneExt"))
            : null);
  }
}
