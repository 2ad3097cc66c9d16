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
    if (c.blank()) return null;
    String v = c.value();
    if (COUNT.matcher(v).matches()) return Integer.valueOf(v);
    refused.add(
        ResultsFinding.error(
            path, "Write a whole number of participants (0 or more), not \"" + v + "\""));
    return null;
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
        if (r.empty()) continue;
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
      if (p.get("title") != null || !ms.isEmpty() || !ds.isEmpty())
        periods.add(new Period(p.get("title"), ms, ds));
    }
    if (f.blank() && groups.isEmpty() && periods.isEmpty()) return null;
    return new ParticipantFlow(
        f.get("recruitmentDetails"), f.get("preAssignmentDetails"), null, groups, periods);
  }

  private List<GroupCount> groupCounts(Grid grid, Row r, Module m, String at) {
    List<GroupCount> out = new ArrayList<>();
    for (int g = 0; g < m.getGroups().size(); g++) {
      Cell c = r.getCells().get(g * grid.perGroup);
      Integer n = count(c, at + "[" + out.size() + "].numSubjects");
      if (n != null || !c.blank()) out.add(new GroupCount(m.groupId(g), n, null, null));
      else c.path = null;
    }
    return out;
  }

  private List<Denom> denoms(Grid grid, Module m, String at) {
    if (grid.getRows().isEmpty()) return List.of();
    Row r = grid.getRows().get(0);
    List<DenomCount> counts = new ArrayList<>();
    for (int g = 0; g < m.getGroups().size(); g++) {
      Cell c = r.getCells().get(g);
      Integer n = count(c, at + ".denoms[0].counts[" + counts.size() + "].value");
      if (n != null || !c.blank()) counts.add(new DenomCount(m.groupId(g), n));
      else c.path = null;
    }
    return counts.isEmpty() ? List.of() : List.of(new Denom("Participants", counts));
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
              List.of(),
              classes(m.table, b, m.get("dispersionType"), at)));
    }
    if (b.blank() && groups.isEmpty() && measures.isEmpty() && denoms.isEmpty()) return null;
    return new Baseline(b.get("populationDescription"), null, groups, denoms, measures);
  }

  /** Consecutive rows of the same class title form one class; each row is a category. */
  private List<MeasureClass> classes(Grid t, Module m, String dispersion, String at) {
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
        ms.add(new Measurement(m.groupId(g), v.value(), spread, lower, upper, null));
      }
      list.add(new Category(r.get("label"), ms));
    }
    List<MeasureClass> out = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++)
      out.add(new MeasureClass(titles.get(i), List.of(), cats.get(i)));
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
      List<MeasureClass> classes = classes(o.table, o, o.get("dispersionType"), at);
      List<ResultsRecord.Analysis> analyses = new ArrayList<>();
      for (Analysis a : o.getAnalyses()) {
        if (a.blank()) continue;
        a.path = at + ".analyses[" + analyses.size() + "]";
        analyses.add(
            new ResultsRecord.Analysis(
                a.getGroupIds(),
                a.get("groupDescription"),
                null,
                a.get("nonInferiorityType"),
                null,
                a.get("pValue"),
                null,
                a.get("statisticalMethod"),
                null,
                a.get("paramType"),
                a.get("paramValue"),
                null,
                null,
                a.get("ciPctValue"),
                a.get("ciNumSides"),
                a.get("ciLowerLimit"),
                a.get("ciUpperLimit"),
                a.get("ciLowerLimitComment"),
                a.get("ciUpperLimitComment"),
                a.get("estimateComment"),
                null));
      }
      OutcomeType type = null;
      if (o.get("type") != null) type = OutcomeType.valueOf(o.get("type"));
      out.add(
          new OutcomeMeasure(
              type,
              o.get("title"),
              o.get("description"),
              o.get("populationDescription"),
              null,
              null,
              o.get("paramType"),
              o.get("dispersionType"),
              o.get("unitOfMeasure"),
              o.get("timeFrame"),
              null,
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
    AssessmentType assessment =
        e.get("assessmentType") == null ? null : AssessmentType.valueOf(e.get("assessmentType"));
    List<Event> serious = terms(e, e.serious, "adverseEvents.seriousEvents", assessment);
    List<Event> other = terms(e, e.other, "adverseEvents.otherEvents", assessment);
    boolean noText =
        e.get("timeFrame") == null
            && e.get("description") == null
            && e.get("frequencyThreshold") == null;
    if (noText && groups.isEmpty() && serious.isEmpty() && other.isEmpty()) return null;
    return new AdverseEvents(
        e.get("frequencyThreshold"),
        e.get("timeFrame"),
        e.get("description"),
        null,
        groups,
        serious,
        other);
  }

  private List<Event> terms(EntryForm.Events e, Grid grid, String at, AssessmentType assessment) {
    List<Event> out = new ArrayList<>();
    for (Row r : grid.getRows()) {
      if (r.empty()) continue;
      String eat = at + "[" + out.size() + "]";
      r.path = eat;
      List<EventStats> stats = new ArrayList<>();
      for (int g = 0; g < e.getGroups().size(); g++) {
        Cell a = r.getCells().get(g * 2);
        Cell k = r.getCells().get(g * 2 + 1);
        String sat = eat + ".stats[" + stats.size() + "]";
        Integer affected = count(a, sat + ".numAffected");
        Integer atRisk = count(k, sat + ".numAtRisk");
        if (a.blank() && k.blank()) {
          a.path = k.path = null;
          continue;
        }
        stats.add(new EventStats(e.groupId(g), null, affected, atRisk));
      }
      out.add(
          new Event(
              r.get("label"),
              r.get("label2"),
              e.get("sourceVocabulary"),
              assessment,
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
                && p.get("otherDetails") == null
            ? null
            : new CertainAgreement(
                bool(p.get("piSponsorEmployee")),
                p.get("restrictionType"),
                bool(p.get("restrictiveAgreement")),
                p.get("otherDetails"));
    PointOfContact poc =
        p.get("pocTitle") == null && p.get("pocOrganization") == null && p.get("pocEmail") == null
            ? null
            : new PointOfContact(
                p.get("pocTitle"),
                p.get("pocOrganization"),
                p.get("pocEmail"),
                p.get("pocPhone"),
                null);
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
          .set("preAssignmentDetails", pf.preAssignmentDetails());
      for (Group g : pf.groups()) f.flow.getGroups().add(group(g));
      for (Period p : pf.periods()) {
        EntryForm.Period ep = new EntryForm.Period();
        ep.set("title", p.title());
        for (Milestone m : p.milestones()) {
          Row row = ep.milestones.addRow(pf.groups().size());
          row.set("label", m.type()).set("comment", m.comment());
          for (GroupCount c : m.achievements())
            put(row, pf.groups(), c.groupId(), 1, 0, c.numSubjects());
        }
        for (DropWithdraw d : p.dropWithdraws()) {
          Row row = ep.reasons.addRow(pf.groups().size());
          row.set("label", d.type()).set("comment", d.comment());
          for (GroupCount c : d.reasons())
            put(row, pf.groups(), c.groupId(), 1, 0, c.numSubjects());
        }
        f.flow.getPeriods().add(ep);
      }
    }
    if (f.flow.getPeriods().isEmpty()) f.flow.addPeriod();
    Baseline b = r.baseline();
    if (b != null) {
      f.baseline.set("populationDescription", b.populationDescription());
      for (Group g : b.groups()) f.baseline.getGroups().add(group(g));
      f.baseline.denoms.addColumnsFor(b.groups().size());
      if (!b.denoms().isEmpty())
        for (DenomCount c : b.denoms().get(0).counts())
          put(f.baseline.denoms.getRows().get(0), b.groups(), c.groupId(), 1, 0, c.value());
      for (Measure m : b.measures()) {
        EntryForm.Measure em = new EntryForm.Measure("BG");
        em.set("title", m.title())
            .set("description", m.description())
            .set("paramType", m.paramType())
            .set("dispersionType", m.dispersionType())
            .set("unitOfMeasure", m.unitOfMeasure());
        table(em.table, m.classes(), b.groups());
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
          .set("paramType", o.paramType())
          .set("dispersionType", o.dispersionType())
          .set("unitOfMeasure", o.unitOfMeasure());
      for (Group g : o.groups()) eo.getGroups().add(group(g));
      Row d = eo.denoms.addRow(o.groups().size());
      d.set("label", "Participants analysed");
      if (!o.denoms().isEmpty())
        for (DenomCount c : o.denoms().get(0).counts())
          put(d, o.groups(), c.groupId(), 1, 0, c.value());
      table(eo.table, o.classes(), o.groups());
      if (eo.table.getRows().isEmpty()) eo.table.addRow(o.groups().size());
      for (ResultsRecord.Analysis a : o.analyses()) {
        Analysis ea = new Analysis();
        ea.setGroupIds(a.groupIds());
        ea.set("groupDescription", a.groupDescription())
            .set("nonInferiorityType", a.nonInferiorityType())
            .set("pValue", a.pValue())
            .set("statisticalMethod", a.statisticalMethod())
            .set("paramType", a.paramType())
            .set("paramValue", a.paramValue())
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
          .set("frequencyThreshold", ae.frequencyThreshold());
      List<Group> gs = new ArrayList<>();
      for (EventGroup g : ae.eventGroups()) {
        f.events
            .getGroups()
            .add(
                new Part()
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
      for (List<Event> list : List.of(ae.seriousEvents(), ae.otherEvents())) {
        Grid grid = list == ae.seriousEvents() ? f.events.serious : f.events.other;
        for (Event ev : list) {
          if (ev.sourceVocabulary() != null)
            f.events.set("sourceVocabulary", ev.sourceVocabulary());
          if (ev.assessmentType() != null)
            f.events.set("assessmentType", ev.assessmentType().name());
          Row row = grid.addRow(gs.size());
          row.set("label", ev.term()).set("label2", ev.organSystem()).set("notes", ev.notes());
          for (EventStats s : ev.stats()) {
            put(row, gs, s.groupId(), 2, 0, s.numAffected());
            put(row, gs, s.groupId(), 2, 1, s.numAtRisk());
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
            .set("pocPhone", mi.pointOfContact().phone());
    }
    return f;
  }

  private static Part group(Group g) {
    return new Part()
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

  private static void table(Grid t, List<MeasureClass> classes, List<Group> groups) {
    boolean one = classes.size() == 1;
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
        }
      }
  }
}
