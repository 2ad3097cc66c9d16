package org.trialledger.results.application;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.trialledger.results.domain.FlowDiagram;
import org.trialledger.results.domain.OutcomeChart;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsRecord.Category;
import org.trialledger.results.domain.ResultsRecord.Event;
import org.trialledger.results.domain.ResultsRecord.EventGroup;
import org.trialledger.results.domain.ResultsRecord.EventStats;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.Measure;
import org.trialledger.results.domain.ResultsRecord.MeasureClass;
import org.trialledger.results.domain.ResultsRecord.Measurement;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;
import org.trialledger.results.domain.ResultsRecord.Period;

/**
 * A results record as the pages show it (the public Results section, the regulator's review): each
 * module as plain tables of text, one column per group, and the charts as SVG built here. Pages
 * render every table the same way and escape every cell.
 */
public final class ResultsTables {
  private ResultsTables() {}

  /** A table: caption, column heads (the first heads the row labels), rows of cells. */
  public record Table(String id, String caption, List<String> heads, List<List<String>> rows)
      implements Serializable {}

  /** A fact shown as term and value (time frame, unit, …). */
  public record Fact(String term, String value) implements Serializable {}

  /** One block of a module: a heading, its facts, tables and optional chart. */
  public record Block(String heading, List<Fact> facts, List<Table> tables, String svg)
      implements Serializable {}

  /** A module of the record (participant flow, baseline, …) with its blocks. */
  public record Module(String id, String title, List<Block> blocks) implements Serializable {}

  public static List<Module> of(ResultsRecord r, String idPrefix) {
    List<Module> out = new ArrayList<>();
    if (r.participantFlow() != null) out.add(flow(r.participantFlow(), idPrefix));
    if (r.baseline() != null) out.add(baseline(r.baseline(), idPrefix));
    if (!r.outcomeMeasures().isEmpty() || !r.unreportedOutcomes().isEmpty())
      out.add(outcomes(r, idPrefix));
    if (r.adverseEvents() != null) out.add(events(r.adverseEvents(), idPrefix));
    if (r.moreInfo() != null) out.add(moreInfo(r.moreInfo()));
    return out;
  }

  private static List<String> heads(String first, List<Group> groups) {
    List<String> h = new ArrayList<>(List.of(first));
    for (Group g : groups) h.add(g.title());
    return h;
  }

  private static Module flow(ResultsRecord.ParticipantFlow f, String prefix) {
    List<Block> blocks = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    fact(facts, "Recruitment", f.recruitmentDetails());
    fact(facts, "Pre-assignment", f.preAssignmentDetails());
    List<Table> tables = new ArrayList<>();
    for (int p = 0; p < f.periods().size(); p++) {
      Period period = f.periods().get(p);
      List<List<String>> rows = new ArrayList<>();
      for (Milestone m : period.milestones())
        rows.add(countRow(Milestone.label(m.type()), m.achievements(), f.groups()));
      for (ResultsRecord.DropWithdraw d : period.dropWithdraws())
        rows.add(countRow("Reason not completed: " + d.type(), d.reasons(), f.groups()));
      tables.add(
          new Table(prefix + "-flow-" + p, period.title(), heads("Milestone", f.groups()), rows));
    }
    blocks.add(new Block(null, facts, tables, FlowDiagram.svg(f, prefix + "-flow-chart")));
    return new Module(prefix + "-flow", "Participant flow", blocks);
  }

  private static List<String> countRow(String label, List<GroupCount> counts, List<Group> groups) {
    List<String> row = new ArrayList<>(List.of(Objects.toString(label, "")));
    for (Group g : groups) {
      String v = "";
      for (GroupCount c : counts)
        if (Objects.equals(c.groupId(), g.id()) && c.numSubjects() != null)
          v = c.numSubjects().toString();
      row.add(v);
    }
    return row;
  }

  private static Module baseline(ResultsRecord.Baseline b, String prefix) {
    List<Block> blocks = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    fact(facts, "Population", b.populationDescription());
    List<Table> tables = new ArrayList<>();
    if (!b.denoms().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (ResultsRecord.Denom d : b.denoms())
        rows.add(
            denomRow(
                "Overall number of baseline " + units(d).toLowerCase(Locale.ROOT), d, b.groups()));
      tables.add(
          new Table(prefix + "-baseline-n", "Participants analysed", heads("", b.groups()), rows));
    }
    blocks.add(new Block(null, facts, tables, null));
    for (int i = 0; i < b.measures().size(); i++) {
      Measure m = b.measures().get(i);
      List<Fact> mf = new ArrayList<>();
      fact(
          mf,
          "Measure",
          label(m.paramType())
              + (m.dispersionType() == null ? "" : " (" + label(m.dispersionType()) + ")"));
      fact(mf, "Unit", m.unitOfMeasure());
      blocks.add(
          new Block(
              m.title(),
              mf,
              List.of(
                  new Table(
                      prefix + "-baseline-" + i,
                      m.title(),
                      heads("", b.groups()),
                      measureRows(m.classes(), b.groups()))),
              null));
    }
    return new Module(prefix + "-baseline", "Baseline characteristics", blocks);
  }

  private static String units(ResultsRecord.Denom d) {
    return d.units() == null ? "Participants" : d.units();
  }

  private static List<String> denomRow(String label, ResultsRecord.Denom d, List<Group> groups) {
    List<String> row = new ArrayList<>(List.of(label));
    for (Group g : groups) {
      String v = "";
      for (ResultsRecord.DenomCount c : d.counts())
        if (Objects.equals(c.groupId(), g.id()) && c.value() != null) v = c.value().toString();
      row.add(v);
    }
    return row;
  }

  private static List<List<String>> measureRows(List<MeasureClass> classes, List<Group> groups) {
    List<List<String>> rows = new ArrayList<>();
    for (MeasureClass c : classes)
      for (Category cat : c.categories()) {
        String label = String.join(" · ", nonBlank(c.title(), cat.title()));
        List<String> row = new ArrayList<>(List.of(label));
        for (Group g : groups) {
          String v = "";
          for (Measurement m : cat.measurements())
            if (Objects.equals(m.groupId(), g.id())) v = cell(m);
          row.add(v);
        }
        rows.add(row);
      }
    return rows;
  }

  /** "44.1 (11.2)" or "3.1 (1.2 to 4.0)": the value with its dispersion as entered. */
  static String cell(Measurement m) {
    String v = Objects.toString(m.value(), "");
    if (m.spread() != null) return v + " (" + m.spread() + ")";
    if (m.lowerLimit() != null || m.upperLimit() != null)
      return v
          + " ("
          + Objects.toString(m.lowerLimit(), "NA")
          + " to "
          + Objects.toString(m.upperLimit(), "NA")
          + ")";
    return v;
  }

  private static Module outcomes(ResultsRecord r, String prefix) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < r.outcomeMeasures().size(); i++) {
      OutcomeMeasure o = r.outcomeMeasures().get(i);
      List<Fact> facts = new ArrayList<>();
      fact(facts, "Type", o.type() == null ? null : label(o.type().name()));
      fact(facts, "Time frame", o.timeFrame());
      fact(facts, "Description", o.description());
      fact(
          facts,
          "Measure",
          label(o.paramType())
              + (o.dispersionType() == null ? "" : " (" + label(o.dispersionType()) + ")"));
      fact(facts, "Unit", o.unitOfMeasure());
      List<Table> tables = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      for (ResultsRecord.Denom d : o.denoms())
        rows.add(denomRow(units(d) + " analysed", d, o.groups()));
      rows.addAll(measureRows(o.classes(), o.groups()));
      tables.add(new Table(prefix + "-outcome-" + i, o.title(), heads("", o.groups()), rows));
      if (!o.analyses().isEmpty()) {
        List<List<String>> as = new ArrayList<>();
        for (ResultsRecord.Analysis a : o.analyses()) {
          List<String> names = new ArrayList<>();
          for (String id : a.groupIds())
            for (Group g : o.groups()) if (g.id().equals(id)) names.add(g.title());
          String ci =
              a.ciLowerLimit() == null && a.ciUpperLimit() == null
                  ? ""
                  : Objects.toString(a.ciPctValue(), "")
                      + "% CI "
                      + Objects.toString(a.ciLowerLimit(), "NA")
                      + " to "
                      + Objects.toString(a.ciUpperLimit(), "NA");
          as.add(
              List.of(
                  String.join(", ", names),
                  Objects.toString(a.statisticalMethod(), ""),
                  Objects.toString(a.pValue(), ""),
                  String.join(" ", nonBlank(a.paramType(), a.paramValue())),
                  ci));
        }
        tables.add(
            new Table(
                prefix + "-analyses-" + i,
                "Statistical analyses",
                List.of("Groups compared", "Method", "p-value", "Estimate", "Confidence interval"),
                as));
      }
      blocks.add(
          new Block(o.title(), facts, tables, OutcomeChart.svg(o, prefix + "-outcome-chart-" + i)));
    }
    if (!r.unreportedOutcomes().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (ResultsRecord.UnreportedOutcome u : r.unreportedOutcomes())
        rows.add(List.of(Objects.toString(u.measure(), ""), Objects.toString(u.reason(), "")));
      blocks.add(
          new Block(
              "Registered outcomes not reported",
              List.of(),
              List.of(
                  new Table(
                      prefix + "-unreported", "Not reported", List.of("Outcome", "Reason"), rows)),
              null));
    }
    return new Module(prefix + "-outcomes", "Outcome measures", blocks);
  }

  private static Module events(ResultsRecord.AdverseEvents ae, String prefix) {
    List<Fact> facts = new ArrayList<>();
    fact(facts, "Time frame", ae.timeFrame());
    fact(facts, "Collection", ae.description());
    fact(facts, "Frequency threshold (%)", ae.frequencyThreshold());
    List<Group> groups = new ArrayList<>();
    for (EventGroup g : ae.eventGroups())
      groups.add(new Group(g.id(), g.title(), null, g.armLabel()));
    List<List<String>> totals = new ArrayList<>();
    totals.add(totalRow("Deaths", ae.eventGroups(), 0));
    totals.add(totalRow("Serious adverse events", ae.eventGroups(), 1));
    totals.add(totalRow("Other adverse events", ae.eventGroups(), 2));
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            prefix + "-ae-totals", "Participants affected / at risk", heads("", groups), totals));
    if (!ae.seriousEvents().isEmpty())
      tables.add(
          new Table(
              prefix + "-ae-serious",
              "Serious adverse events",
              heads("Term (organ system)", groups),
              termRows(ae.seriousEvents(), groups)));
    if (!ae.otherEvents().isEmpty())
      tables.add(
          new Table(
              prefix + "-ae-other",
              "Other adverse events",
              heads("Term (organ system)", groups),
              termRows(ae.otherEvents(), groups)));
    return new Module(
        prefix + "-ae", "Adverse events", List.of(new Block(null, facts, tables, null)));
  }

  private static List<String> totalRow(String label, List<EventGroup> groups, int kind) {
    List<String> row = new ArrayList<>(List.of(label));
    for (EventGroup g : groups) {
      Integer a =
          kind == 0
              ? g.deathsNumAffected()
              : kind == 1 ? g.seriousNumAffected() : g.otherNumAffected();
      Integer n =
          kind == 0 ? g.deathsNumAtRisk() : kind == 1 ? g.seriousNumAtRisk() : g.otherNumAtRisk();
      row.add(ratio(a, n));
    }
    return row;
  }

  private static String ratio(Integer a, Integer n) {
    if (a == null && n == null) return "";
    return Objects.toString(a, "?") + " / " + Objects.toString(n, "?");
  }

  private static List<List<String>> termRows(List<Event> events, List<Group> groups) {
    List<List<String>> rows = new ArrayList<>();
    for (Event e : events) {
      List<String> row = new ArrayList<>();
      row.add(
          Objects.toString(e.term(), "")
              + (e.organSystem() == null ? "" : " (" + e.organSystem() + ")"));
      for (Group g : groups) {
        String v = "";
        for (EventStats s : e.stats())
          if (Objects.equals(s.groupId(), g.id()))
            v =
                ratio(s.numAffected(), s.numAtRisk())
                    + (s.numEvents() == null ? "" : " (" + s.numEvents() + " events)");
        row.add(v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static Module moreInfo(ResultsRecord.MoreInfo mi) {
    List<Fact> facts = new ArrayList<>();
    fact(facts, "Limitations and caveats", mi.limitationsAndCaveats());
    if (mi.certainAgreement() != null) {
      var ca = mi.certainAgreement();
      fact(facts, "Principal investigators are sponsor employees", yesNo(ca.piSponsorEmployee()));
      fact(facts, "Restrictive agreement", yesNo(ca.restrictiveAgreement()));
      fact(facts, "Restriction", ca.restrictionType());
      fact(facts, "Details", ca.otherDetails());
    }
    if (mi.pointOfContact() != null) {
      var p = mi.pointOfContact();
      fact(
          facts,
          "Results point of contact",
          String.join(", ", nonBlank(p.title(), p.organization(), p.email(), p.phone())));
    }
    return new Module(
        "more-info", "More information", List.of(new Block(null, facts, List.of(), null)));
  }

  private static String yesNo(Boolean b) {
    return b == null ? null : b ? "Yes" : "No";
  }

  private static void fact(List<Fact> facts, String term, String value) {
    if (value != null && !value.isBlank()) facts.add(new Fact(term, value));
  }

  private static List<String> nonBlank(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) if (p != null && !p.isBlank()) out.add(p);
    return out;
  }

  /** COUNT_OF_PARTICIPANTS → "Count of participants". */
  static String label(String code) {
    if (code == null || code.isBlank()) return "";
    String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
