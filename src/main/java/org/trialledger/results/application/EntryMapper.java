package org.trialledger.results.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trialledger.results.application.EntryForm.Analysis;
import org.trialledger.results.application.EntryForm.Cell;
import org.trialledger.results.application.EntryForm.Grid;
import org.trialledger.results.application.EntryForm.Module;
import org.trialledger.results.application.EntryForm.Part;
import org.trialledger.results.application.EntryForm.Row;
import org.trialledger.results.domain.OutcomeChart;
import org.trialledger.results.domain.ResultsFinding;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsRecord.AdverseEvents;
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
import org.trialledger.results.domain.ResultsRecord.UnreportedOutcome;

/**
 * Entry form ↔ results record. A value the record cannot hold (a count that is not a whole number,
 * limits not written as "lower to upper") is left out of the record and reported as a refused
 * field, while the form keeps the text; empty rows are left out. Each field gets the record path
 * that validation findings name, so that findings show at their fields.
 */
public final class EntryMapper {
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
  private static final Pattern LIMITS = Pattern.compile("(.+?)\\s*(?:\\bto\\b|;|,|\\.\\.)\\s*(.+)");

  private final List<ResultsFinding> refused = new ArrayList<>();

  private EntryMapper() {}

  /** The record, and the fields refused on the way (as errors at their paths). */
  public record Mapped(ResultsRecord record, List<ResultsFinding> refused) {}

  public static Mapped toRecord(EntryForm form) {
    EntryMapper m = new EntryMapper();
    ResultsRecord r =
        new ResultsRecord(
            null,
            m.flow(form.flow),
            m.baseline(form.baseline),
            m.outcomes(form.outcomes),
            m.unreported(form.unreported),
            m.events(form.events),
            m.moreInfo(form.moreInfo));
    return new Mapped(r, List.copyOf(m.refused));
  }

  // --- form → record

  private Integer count(Cell c, String path) {
    c.path = path;
    return count(c.value(), path, "participants");
  }

  private Integer count(String v, String path, String what) {
    if (v == null) return null;
    if (COUNT.matcher(v).matches()) return Integer.valueOf(v);
    refused.add(
        ResultsFinding.error(
            path, "Write a whole number of " + what + " (0 or more), not \"" + v + "\""));
    return null;
  }

  /** A row that holds nothing but its label (e.g. the STARTED row offered to fill in). */
  private static boolean unfilled(Row r, String commentKey) {
    return r.get(commentKey) == null && r.getCells().stream().allMatch(Cell::blank);
  }

  private static List<Group> groups(Module m, String at) {
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < m.getGroups().size(); i++) {
      Part g = m.getGroups().get(i);
      g.path = at + ".groups[" + i + "]";
      out.add(new Group(m.groupId(i), g.get("title"), g.get("description"), g.get("armLabel")));
    }
    return out;
  }

  private ParticipantFlow flow(EntryForm.Flow f) {
    f.path = "participantFlow";
    List<Group> groups = groups(f, "participantFlow");
    List<Period> periods = new ArrayList<>();
    for (EntryForm.Period p : f.getPeriods()) {
      String at = "participantFlow.periods[" + periods.size() + "]";
      p.path = at;
      List<Milestone> ms = new ArrayList<>();
      for (Row r : p.milestones.getRows()) {
        if (unfilled(r, "comment")) continue;
        String mat = at + ".milestones[" + ms.size() + "]";
        r.path = mat;
        ms.add(
            new Milestone(
                r.get("label"),
                r.get("comment"),
                groupCounts(p.milestones, r, f, mat + ".achievements")));
      }
      List<DropWithdraw> ds = new ArrayList<>();
      for (Row r : p.reasons.getRows()) {
        if (r.empty()) continue;
        String dat = at + ".dropWithdraws[" + ds.size() + "]";
        r.path = dat;
        ds.add(
            new DropWithdraw(
                r.get("label"), r.get("comment"), groupCounts(p.reasons, r, f, dat + ".reasons")));
      }
      // a period left as offered (its default title, milestones without numbers) is left out
      if (!ms.isEmpty() || !ds.isEmpty()) periods.add(new Period(p.get("title"), ms, ds));
    }
    if (f.blank() && groups.isEmpty() && periods.isEmpty()) return null;
    return new ParticipantFlow(
        f.get("recruitmentDetails"),
        f.get("preAssignmentDetails"),
        f.get("typeUnitsAnalyzed"),
        groups,
        periods);
  }

  private List<GroupCount> groupCounts(Grid grid, Row r, Module m, String at) {
    List<GroupCount> out = new ArrayList<>();
    for (int g = 0; g < m.getGroups().size(); g++) {
      Cell c = r.getCells().get(g * grid.perGroup);
      String cat = at + "[" + out.size() + "]";
      Integer n = count(c, cat + ".numSubjects");
      c.unitsPath = cat + ".numUnits";
      Integer units = count(c.units(), c.unitsPath, "units");
      if (!c.blank()) out.add(new GroupCount(m.groupId(g), n, units, c.note()));
      else c.path = c.unitsPath = null;
    }
    return out;
  }

  /** Each row with a number is a denominator in the row's units (label; participants if none). */
  private List<Denom> denoms(Grid grid, Module m, String at) {
    List<Denom> out = new ArrayList<>();
    for (Row r : grid.getRows()) {
      if (r.getCells().stream().allMatch(Cell::blank)) continue;
      String dat = at + ".denoms[" + out.size() + "]";
      r.path = dat;
      out.add(new Denom(units(r.get("label")), denomCounts(r, m, dat)));
    }
    return out;
  }

  private List<DenomCount> denomCounts(Row r, Module m, String at) {
    List<DenomCount> counts = new ArrayList<>();
    for (int g = 0; g < m.getGroups().size(); g++) {
      Cell c = r.getCells().get(g);
      Integer n = count(c, at + ".counts[" + counts.size() + "].value");
      if (n != null || !c.blank()) counts.add(new DenomCount(m.groupId(g), n));
      else c.path = null;
    }
    return counts;
  }

  private static String units(String label) {
    return label == null ? EntryForm.PARTICIPANTS : label;
  }

  private Baseline baseline(EntryForm.Baseline b) {
    b.path = "baseline";
    List<Group> groups = groups(b, "baseline");
    List<Denom> denoms = denoms(b.denoms, b, "baseline");
    List<Measure> measures = new ArrayList<>();
    for (EntryForm.Measure m : b.getMeasures()) {
      if (m.blank() && m.table.getRows().stream().allMatch(Row::empty)) continue;
      String at = "baseline.measures[" + measures.size() + "]";
      m.path = at;
      measures.add(
          new Measure(
              m.get("title"),
              m.get("description"),
              m.get("populationDescription"),
              m.get("paramType"),
              m.get("dispersionType"),
              m.get("unitOfMeasure"),
              denoms(m.denoms, b, at),
              classes(m, b, m.get("dispersionType"), at)));
    }
    if (b.blank() && groups.isEmpty() && measures.isEmpty() && denoms.isEmpty()) return null;
    return new Baseline(
        b.get("populationDescription"), b.get("typeUnitsAnalyzed"), groups, denoms, measures);
  }

  /** Consecutive rows of the same class title form one class; each row is a category. */
  private List<MeasureClass> classes(
      EntryForm.Measure measure, Module m, String dispersion, String at) {
    Grid t = measure.table;
    boolean limits = OutcomeChart.limits(dispersion);
    List<String> titles = new ArrayList<>();
    List<List<Category>> cats = new ArrayList<>();
    for (Row r : t.getRows()) {
      if (r.empty()) continue;
      String cls = r.get("label2");
      if (titles.isEmpty() || !java.util.Objects.equals(titles.get(titles.size() - 1), cls)) {
        titles.add(cls);
        cats.add(new ArrayList<>());
      }
      int ci = titles.size() - 1;
      List<Category> list = cats.get(ci);
      String cat = at + ".classes[" + ci + "].categories[" + list.size() + "]";
      r.path = cat;
      List<Measurement> ms = new ArrayList<>();
      for (int g = 0; g < m.getGroups().size(); g++) {
        Cell v = r.getCells().get(g * 2);
        Cell d = r.getCells().get(g * 2 + 1);
        if (v.blank() && d.blank()) {
          v.path = d.path = null;
          continue;
        }
        String mat = cat + ".measurements[" + ms.size() + "]";
        v.path = mat + ".value";
        String spread = null, lower = null, upper = null;
        if (limits && !d.blank()) {
          d.path = mat + ".lowerLimit";
          var lm = LIMITS.matcher(d.value());
          if (lm.matches()) {
            lower = lm.group(1).strip();
            upper = lm.group(2).strip();
          } else {
            refused.add(
                ResultsFinding.error(
                    d.path, "Write the limits as \"lower to upper\", e.g. 1.2 to 3.4"));
          }
        } else {
          d.path = mat + ".spread";
          spread = d.value();
        }
        ms.add(new Measurement(m.groupId(g), v.value(), spread, lower, upper, v.note()));
      }
      list.add(new Category(r.get("label"), ms));
    }
    List<MeasureClass> out = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++)
      out.add(
          new MeasureClass(
              titles.get(i),
              classDenoms(measure.classDenoms, titles.get(i), m, at + ".classes[" + i + "]"),
              cats.get(i)));
    return out;
  }

  /** The numbers analysed of one class: the rows labelled with its title, units in label2. */
  private List<Denom> classDenoms(Grid grid, String cls, Module m, String at) {
    List<Denom> out = new ArrayList<>();
    for (Row r : grid.getRows()) {
      if (!java.util.Objects.equals(r.get("label"), cls)
          || r.getCells().stream().allMatch(Cell::blank)) continue;
      String dat = at + ".denoms[" + out.size() + "]";
      r.path = dat;
      out.add(new Denom(units(r.get("label2")), denomCounts(r, m, dat)));
    }
    return out;
  }

  private List<OutcomeMeasure> outcomes(List<EntryForm.Outcome> os) {
    List<OutcomeMeasure> out = new ArrayList<>();
    for (EntryForm.Outcome o : os) {
      if (o.get("title") == null
          && o.table.getRows().stream().allMatch(Row::empty)
          && o.getAnalyses().isEmpty()) continue;
      String at = "outcomeMeasures[" + out.size() + "]";
      o.path = at;
      List<Group> groups = groups(o, at);
      List<Denom> denoms = denoms(o.denoms, o, at);
      List<MeasureClass> classes = classes(o, o, o.get("dispersionType"), at);
      List<ResultsRecord.Analysis> analyses = new ArrayList<>();
      for (Analysis a : o.getAnalyses()) {
        if (a.blank()) continue;
        a.path = at + ".analyses[" + analyses.size() + "]";
        analyses.add(
            new ResultsRecord.Analysis(
                a.getGroupIds(),
                a.get("groupDescription"),
                bool(a.get("testedNonInferiority")),
                a.get("nonInferiorityType"),
                a.get("nonInferiorityComment"),
                a.get("pValue"),
                a.get("pValueComment"),
                a.get("statisticalMethod"),
                a.get("statisticalComment"),
                a.get("paramType"),
                a.get("paramValue"),
                a.get("dispersionType"),
                a.get("dispersionValue"),
                a.get("ciPctValue"),
                a.get("ciNumSides"),
                a.get("ciLowerLimit"),
                a.get("ciUpperLimit"),
                a.get("ciLowerLimitComment"),
                a.get("ciUpperLimitComment"),
                a.get("estimateComment"),
                a.get("otherAnalysisDescription")));
      }
      OutcomeType type = null;
      if (o.get("type") != null) type = OutcomeType.valueOf(o.get("type"));
      out.add(
          new OutcomeMeasure(
              type,
              o.get("title"),
              o.get("description"),
              o.get("populationDescription"),
              o.get("reportingStatus"),
              o.get("anticipatedPostingDate"),
              o.get("paramType"),
              o.get("dispersionType"),
              o.get("unitOfMeasure"),
              o.get("timeFrame"),
              o.get("typeUnitsAnalyzed"),
              groups,
              denoms,
              classes,
              analyses));
    }
    return out;
  }

  private List<UnreportedOutcome> unreported(List<Part> us) {
    List<UnreportedOutcome> out = new ArrayList<>();
    for (Part u : us) {
      if (u.blank()) continue;
      u.path = "unreportedOutcomes[" + out.size() + "]";
      out.add(new UnreportedOutcome(u.get("measure"), u.get("reason")));
    }
    return out;
  }

  private AdverseEvents events(EntryForm.Events e) {
    e.path = "adverseEvents";
    List<EventGroup> groups = new ArrayList<>();
    for (int g = 0; g < e.getGroups().size(); g++) {
      Part p = e.getGroups().get(g);
      String at = "adverseEvents.eventGroups[" + g + "].";
      p.path = "adverseEvents.eventGroups[" + g + "]";
      Integer[] t = new Integer[6];
      for (int k = 0; k < 6; k++)
        t[k] = count(e.totals.cell(k, g, 0), at + EntryForm.Events.TOTALS.get(k));
      groups.add(
          new EventGroup(
              e.groupId(g),
              p.get("title"),
              p.get("description"),
              p.get("armLabel"),
              t[0],
              t[1],
              t[2],
              t[3],
              t[4],
              t[5]));
    }
    List<Event> serious = terms(e, e.serious, "adverseEvents.seriousEvents");
    List<Event> other = terms(e, e.other, "adverseEvents.otherEvents");
    boolean noText =
        e.get("timeFrame") == null
            && e.get("description") == null
            && e.get("frequencyThreshold") == null;
    if (noText && groups.isEmpty() && serious.isEmpty() && other.isEmpty()) return null;
    return new AdverseEvents(
        e.get("frequencyThreshold"),
        e.get("timeFrame"),
        e.get("description"),
        e.get("allCauseMortalityComment"),
        groups,
        serious,
        other);
  }

  private static AssessmentType assessment(String s) {
    return s == null ? null : AssessmentType.valueOf(s);
  }

  /**
   * Terms with affected, at risk and number of events per group; a term's vocabulary and assessment
   * are the section's unless the row has its own (as imported).
   */
  private List<Event> terms(EntryForm.Events e, Grid grid, String at) {
    List<Event> out = new ArrayList<>();
    for (Row r : grid.getRows()) {
      if (r.empty()) continue;
      String eat = at + "[" + out.size() + "]";
      r.path = eat;
      List<EventStats> stats = new ArrayList<>();
      for (int g = 0; g < e.getGroups().size(); g++) {
        Cell a = r.getCells().get(g * 3);
        Cell k = r.getCells().get(g * 3 + 1);
        Cell n = r.getCells().get(g * 3 + 2);
        String sat = eat + ".stats[" + stats.size() + "]";
        Integer affected = count(a, sat + ".numAffected");
        Integer atRisk = count(k, sat + ".numAtRisk");
        n.path = sat + ".numEvents";
        Integer events = count(n.value(), n.path, "events");
        if (a.blank() && k.blank() && n.blank()) {
          a.path = k.path = n.path = null;
          continue;
        }
        stats.add(new EventStats(e.groupId(g), events, affected, atRisk));
      }
      // "own…" marks a term whose value (even none) differs from the section's
      String vocabulary =
          r.get("ownVocabulary") != null ? r.get("sourceVocabulary") : e.get("sourceVocabulary");
      String assessment =
          r.get("ownAssessment") != null ? r.get("assessmentType") : e.get("assessmentType");
      out.add(
          new Event(
              r.get("label"),
              r.get("label2"),
              vocabulary,
              assessment(assessment),
              r.get("notes"),
              stats));
    }
    return out;
  }

  private MoreInfo moreInfo(Part p) {
    p.path = "moreInfo";
    if (p.blank()) return null;
    CertainAgreement ca =
        p.get("piSponsorEmployee") == null
                && p.get("restrictiveAgreement") == null
                && p.get("restrictionType") == null
                && p.get("otherDetails") == null
            ? null
            : new CertainAgreement(
                bool(p.get("piSponsorEmployee")),
                p.get("restrictionType"),
                bool(p.get("restrictiveAgreement")),
                p.get("otherDetails"));
    PointOfContact poc =
        p.get("pocTitle") == null
                && p.get("pocOrganization") == null
                && p.get("pocEmail") == null
                && p.get("pocPhone") == null
                && p.get("pocPhoneExt") == null
            ? null
            : new PointOfContact(
                p.get("pocTitle"),
                p.get("pocOrganization"),
                p.get("pocEmail"),
                p.get("pocPhone"),
                p.get("pocPhoneExt"));
    return new MoreInfo(p.get("limitationsAndCaveats"), ca, poc);
  }

  private static Boolean bool(String s) {
    return s == null ? null : Boolean.valueOf(s);
  }

  // --- record → form

  public static EntryForm toForm(ResultsRecord r) {
    EntryForm f = new EntryForm();
    if (r == null) r = ResultsRecord.empty();
    ParticipantFlow pf = r.participantFlow();
    if (pf != null) {
      f.flow
          .set("recruitmentDetails", pf.recruitmentDetails())
          .set("preAssignmentDetails", pf.preAssignmentDetails())
          .set("typeUnitsAnalyzed", pf.typeUnitsAnalyzed());
      for (Group g : pf.groups()) f.flow.getGroups().add(group(g));
      for (Period p : pf.periods()) {
        EntryForm.Period ep = new EntryForm.Period();
        ep.set("title", p.title());
        for (Milestone m : p.milestones()) {
          Row row = ep.milestones.addRow(pf.groups().size());
          row.set("label", m.type()).set("comment", m.comment());
          for (GroupCount c : m.achievements()) count(row, pf.groups(), c);
        }
        for (DropWithdraw d : p.dropWithdraws()) {
          Row row = ep.reasons.addRow(pf.groups().size());
          row.set("label", d.type()).set("comment", d.comment());
          for (GroupCount c : d.reasons()) count(row, pf.groups(), c);
        }
        f.flow.getPeriods().add(ep);
      }
    }
    if (f.flow.getPeriods().isEmpty()) f.flow.addPeriod();
    Baseline b = r.baseline();
    if (b != null) {
      f.baseline
          .set("populationDescription", b.populationDescription())
          .set("typeUnitsAnalyzed", b.typeUnitsAnalyzed());
      for (Group g : b.groups()) f.baseline.getGroups().add(group(g));
      if (b.denoms().isEmpty()) f.baseline.denoms.addColumnsFor(b.groups().size());
      else f.baseline.denoms.getRows().clear();
      denoms(f.baseline.denoms, b.denoms(), b.groups());
      for (Measure m : b.measures()) {
        EntryForm.Measure em = new EntryForm.Measure("BG");
        em.set("title", m.title())
            .set("description", m.description())
            .set("populationDescription", m.populationDescription())
            .set("paramType", m.paramType())
            .set("dispersionType", m.dispersionType())
            .set("unitOfMeasure", m.unitOfMeasure());
        denoms(em.denoms, m.denoms(), b.groups());
        table(em, m.classes(), b.groups());
        f.baseline.getMeasures().add(em);
      }
    }
    for (OutcomeMeasure o : r.outcomeMeasures()) {
      EntryForm.Outcome eo = new EntryForm.Outcome();
      eo.set("type", o.type() == null ? null : o.type().name())
          .set("title", o.title())
          .set("description", o.description())
          .set("timeFrame", o.timeFrame())
          .set("populationDescription", o.populationDescription())
          .set("reportingStatus", o.reportingStatus())
          .set("anticipatedPostingDate", o.anticipatedPostingDate())
          .set("typeUnitsAnalyzed", o.typeUnitsAnalyzed())
          .set("paramType", o.paramType())
          .set("dispersionType", o.dispersionType())
          .set("unitOfMeasure", o.unitOfMeasure());
      for (Group g : o.groups()) eo.getGroups().add(group(g));
      if (o.denoms().isEmpty())
        eo.denoms.addRow(o.groups().size()).set("label", EntryForm.PARTICIPANTS);
      denoms(eo.denoms, o.denoms(), o.groups());
      table(eo, o.classes(), o.groups());
      if (eo.table.getRows().isEmpty()) eo.table.addRow(o.groups().size());
      for (ResultsRecord.Analysis a : o.analyses()) {
        Analysis ea = new Analysis();
        ea.setGroupIds(a.groupIds());
        ea.set("groupDescription", a.groupDescription())
            .set("testedNonInferiority", a.testedNonInferiority())
            .set("nonInferiorityType", a.nonInferiorityType())
            .set("nonInferiorityComment", a.nonInferiorityComment())
            .set("pValue", a.pValue())
            .set("pValueComment", a.pValueComment())
            .set("statisticalMethod", a.statisticalMethod())
            .set("statisticalComment", a.statisticalComment())
            .set("paramType", a.paramType())
            .set("paramValue", a.paramValue())
            .set("dispersionType", a.dispersionType())
            .set("dispersionValue", a.dispersionValue())
            .set("otherAnalysisDescription", a.otherAnalysisDescription())
            .set("ciPctValue", a.ciPctValue())
            .set("ciNumSides", a.ciNumSides())
            .set("ciLowerLimit", a.ciLowerLimit())
            .set("ciUpperLimit", a.ciUpperLimit())
            .set("ciLowerLimitComment", a.ciLowerLimitComment())
            .set("ciUpperLimitComment", a.ciUpperLimitComment())
            .set("estimateComment", a.estimateComment());
        eo.getAnalyses().add(ea);
      }
      f.outcomes.add(eo);
    }
    for (UnreportedOutcome u : r.unreportedOutcomes())
      f.unreported.add(new Part().set("measure", u.measure()).set("reason", u.reason()));
    AdverseEvents ae = r.adverseEvents();
    if (ae != null) {
      f.events
          .set("timeFrame", ae.timeFrame())
          .set("description", ae.description())
          .set("frequencyThreshold", ae.frequencyThreshold())
          .set("allCauseMortalityComment", ae.allCauseMortalityComment());
      List<Group> gs = new ArrayList<>();
      for (EventGroup g : ae.eventGroups()) {
        f.events
            .getGroups()
            .add(
                new Part()
                    .set("id", g.id())
                    .set("title", g.title())
                    .set("description", g.description())
                    .set("armLabel", g.armLabel()));
        gs.add(new Group(g.id(), g.title(), null, g.armLabel()));
      }
      f.events.totals.addColumnsFor(gs.size());
      for (int g = 0; g < ae.eventGroups().size(); g++) {
        EventGroup e = ae.eventGroups().get(g);
        Integer[] t = {
          e.deathsNumAffected(),
          e.deathsNumAtRisk(),
          e.seriousNumAffected(),
          e.seriousNumAtRisk(),
          e.otherNumAffected(),
          e.otherNumAtRisk()
        };
        for (int k = 0; k < 6; k++)
          f.events.totals.cell(k, g, 0).setText(t[k] == null ? null : t[k].toString());
      }
      // the section's vocabulary and assessment are the first term's; a term that differs keeps
      // its own
      List<Event> all = new ArrayList<>(ae.seriousEvents());
      all.addAll(ae.otherEvents());
      String vocabulary = all.isEmpty() ? null : all.get(0).sourceVocabulary();
      String assessment = all.isEmpty() ? null : name(all.get(0).assessmentType());
      f.events.set("sourceVocabulary", vocabulary).set("assessmentType", assessment);
      for (List<Event> list : List.of(ae.seriousEvents(), ae.otherEvents())) {
        Grid grid = list == ae.seriousEvents() ? f.events.serious : f.events.other;
        for (Event ev : list) {
          Row row = grid.addRow(gs.size());
          row.set("label", ev.term()).set("label2", ev.organSystem()).set("notes", ev.notes());
          if (!java.util.Objects.equals(vocabulary, ev.sourceVocabulary()))
            row.set("sourceVocabulary", ev.sourceVocabulary()).set("ownVocabulary", true);
          if (!java.util.Objects.equals(assessment, name(ev.assessmentType())))
            row.set("assessmentType", name(ev.assessmentType())).set("ownAssessment", true);
          for (EventStats s : ev.stats()) {
            put(row, gs, s.groupId(), 3, 0, s.numAffected());
            put(row, gs, s.groupId(), 3, 1, s.numAtRisk());
            put(row, gs, s.groupId(), 3, 2, s.numEvents());
          }
        }
      }
    }
    MoreInfo mi = r.moreInfo();
    if (mi != null) {
      f.moreInfo.set("limitationsAndCaveats", mi.limitationsAndCaveats());
      if (mi.certainAgreement() != null)
        f.moreInfo
            .set("piSponsorEmployee", mi.certainAgreement().piSponsorEmployee())
            .set("restrictiveAgreement", mi.certainAgreement().restrictiveAgreement())
            .set("restrictionType", mi.certainAgreement().restrictionType())
            .set("otherDetails", mi.certainAgreement().otherDetails());
      if (mi.pointOfContact() != null)
        f.moreInfo
            .set("pocTitle", mi.pointOfContact().title())
            .set("pocOrganization", mi.pointOfContact().organization())
            .set("pocEmail", mi.pointOfContact().email())
            .set("pocPhone", mi.pointOfContact().phone())
            .set("pocPhoneExt", mi.pointOfContact().phoneExt());
    }
    return f;
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static Part group(Group g) {
    return new Part()
        .set("id", g.id())
        .set("title", g.title())
        .set("description", g.description())
        .set("armLabel", g.armLabel());
  }

  private static void put(
      Row row, List<Group> groups, String groupId, int per, int k, Object value) {
    for (int g = 0; g < groups.size(); g++)
      if (groups.get(g).id() != null && groups.get(g).id().equals(groupId))
        row.getCells().get(g * per + k).setText(value == null ? null : value.toString());
  }

  /** A participant-flow count: participants, units and comment in the group's cell. */
  private static void count(Row row, List<Group> groups, GroupCount c) {
    for (int g = 0; g < groups.size(); g++)
      if (groups.get(g).id() != null && groups.get(g).id().equals(c.groupId())) {
        Cell cell = row.getCells().get(g);
        cell.setText(c.numSubjects() == null ? null : c.numSubjects().toString());
        cell.setUnits(c.numUnits() == null ? null : c.numUnits().toString());
        cell.setNote(c.comment());
      }
  }

  private static void denoms(Grid grid, List<Denom> denoms, List<Group> groups) {
    for (Denom d : denoms) {
      Row row = grid.addRow(groups.size());
      row.set("label", d.units());
      for (DenomCount c : d.counts()) put(row, groups, c.groupId(), 1, 0, c.value());
    }
  }

  private static void table(EntryForm.Measure em, List<MeasureClass> classes, List<Group> groups) {
    Grid t = em.table;
    boolean one = classes.size() == 1;
    for (MeasureClass c : classes)
      for (Denom d : c.denoms()) {
        Row row = em.classDenoms.addRow(groups.size());
        row.set("label", c.title()).set("label2", d.units());
        for (DenomCount k : d.counts()) put(row, groups, k.groupId(), 1, 0, k.value());
      }
    for (MeasureClass c : classes)
      for (Category cat : c.categories()) {
        Row row = t.addRow(groups.size());
        row.set("label", cat.title()).set("label2", one && c.title() == null ? null : c.title());
        for (Measurement m : cat.measurements()) {
          put(row, groups, m.groupId(), 2, 0, m.value());
          String disp =
              m.lowerLimit() != null || m.upperLimit() != null
                  ? (m.lowerLimit() == null ? "NA" : m.lowerLimit())
                      + " to "
                      + (m.upperLimit() == null ? "NA" : m.upperLimit())
                  : m.spread();
          put(row, groups, m.groupId(), 2, 1, disp);
          for (int g = 0; g < groups.size(); g++)
            if (m.groupId() != null && m.groupId().equals(groups.get(g).id()))
              row.getCells().get(g * 2).setNote(m.comment());
        }
      }
  }
}
