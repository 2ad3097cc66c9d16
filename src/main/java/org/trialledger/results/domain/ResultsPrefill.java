package org.trialledger.results.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.results.domain.ResultsRecord.AdverseEvents;
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
import org.trialledger.results.domain.ResultsRecord.MeasureClass;
import org.trialledger.results.domain.ResultsRecord.Measurement;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;
import org.trialledger.results.domain.ResultsRecord.OutcomeType;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.Period;
import org.trialledger.site.domain.SummaryResults;

/**
 * A first results record from what is already known: one group per registered arm in every module,
 * the registered outcomes as outcome measures, and what the sites' data give (subjects who started,
 * completed and withdrew; outcome means and SDs; adverse events by term and seriousness).
 *
 * <p>Sites record no arm per subject (allocation is often blinded), so counts go into a group only
 * when the trial has a single arm; with several arms the total is written in the comment of the
 * milestone or the notes of the event, for the sponsor to split by arm.
 */
public final class ResultsPrefill {
  private ResultsPrefill() {}

  public static ResultsRecord of(RegistrationRecord registered, SummaryResults sites) {
    List<String> arms = registered.arms().stream().map(RegistrationRecord.Arm::label).toList();
    boolean single = arms.size() == 1;
    return new ResultsRecord(
        null,
        flow(arms, sites, single),
        baseline(arms, sites, single),
        outcomes(registered, arms, sites, single),
        List.of(),
        adverseEvents(arms, sites, single),
        null);
  }

  private static List<Group> groups(String prefix, List<String> arms) {
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++)
      out.add(
          new Group(
              String.format(Locale.ROOT, "%s%03d", prefix, i), arms.get(i), null, arms.get(i)));
    return out;
  }

  private static ParticipantFlow flow(List<String> arms, SummaryResults s, boolean single) {
    List<Group> groups = groups("FG", arms);
    SummaryResults.ParticipantFlow f = s == null ? null : s.flow();
    List<Milestone> ms = new ArrayList<>();
    ms.add(milestone(Milestone.STARTED, groups, f == null ? null : f.enrolled(), single));
    ms.add(milestone(Milestone.COMPLETED, groups, f == null ? null : f.completed(), single));
    ms.add(milestone(Milestone.NOT_COMPLETED, groups, f == null ? null : f.notCompleted(), single));
    // the sites' reasons (a withdrawn consent counts as withdrawal by subject)
    List<DropWithdraw> drops = new ArrayList<>();
    if (f != null)
      f.notCompletedReasons()
          .forEach(
              (why, n) ->
                  drops.add(new DropWithdraw(why, total(n, single), counts(groups, n, single))));
    return new ParticipantFlow(
        null, null, null, groups, List.of(new Period("Overall Study", ms, drops)));
  }

  private static Milestone milestone(String type, List<Group> groups, Integer n, boolean single) {
    return new Milestone(type, n == null ? null : total(n, single), counts(groups, n, single));
  }

  private static List<GroupCount> counts(List<Group> groups, Integer n, boolean single) {
    List<GroupCount> out = new ArrayList<>();
    for (Group g : groups) out.add(new GroupCount(g.id(), single ? n : null, null, null));
    return out;
  }

  private static String total(int n, boolean single) {
    return single || n == 0 ? null : "Sites' data: " + n + " in all arms together; split by arm";
  }

  private static Baseline baseline(List<String> arms, SummaryResults s, boolean single) {
    List<Group> groups = new ArrayList<>(groups("BG", arms));
    String totalId = String.format(Locale.ROOT, "BG%03d", arms.size());
    groups.add(new Group(totalId, "Total", null, null));
    Integer enrolled = s == null ? null : s.flow().enrolled();
    List<DenomCount> counts = new ArrayList<>();
    for (Group g : groups)
      counts.add(new DenomCount(g.id(), g.armLabel() == null || single ? enrolled : null));
    return new Baseline(null, null, groups, List.of(new Denom("Participants", counts)), List.of());
  }

  private static List<OutcomeMeasure> outcomes(
      RegistrationRecord r, List<String> arms, SummaryResults s, boolean single) {
    List<OutcomeMeasure> out = new ArrayList<>();
    for (RegistrationRecord.Outcome o : r.primaryOutcomes())
      out.add(outcome(OutcomeType.PRIMARY, o, arms, s, single));
    for (RegistrationRecord.Outcome o : r.secondaryOutcomes())
      out.add(outcome(OutcomeType.SECONDARY, o, arms, s, single));
    return out;
  }

  private static OutcomeMeasure outcome(
      OutcomeType type,
      RegistrationRecord.Outcome o,
      List<String> arms,
      SummaryResults s,
      boolean single) {
    List<Group> groups = groups("OG", arms);
    String unit = null;
    String param = null;
    String dispersion = null;
    List<MeasureClass> classes = List.of();
    SummaryResults.OutcomeSummary found = single ? summary(s, o.measure()) : null;
    if (found != null && found.mean() != null) {
      unit = found.unit();
      param = "MEAN";
      dispersion = found.sd() == null ? null : "STANDARD_DEVIATION";
      Measurement m =
          new Measurement(
              groups.get(0).id(), decimal(found.mean()), decimal(found.sd()), null, null, null);
      classes =
          List.of(
              new MeasureClass(null, List.of(), List.of(new Category(found.visit(), List.of(m)))));
    }
    return new OutcomeMeasure(
        type,
        o.measure(),
        o.description(),
        null,
        null,
        null,
        param,
        dispersion,
        unit,
        o.timeFrame(),
        null,
        groups,
        List.of(),
        classes,
        List.of());
  }

  private static SummaryResults.OutcomeSummary summary(SummaryResults s, String measure) {
    if (s == null || measure == null) return null;
    for (SummaryResults.OutcomeSummary o : s.outcomes())
      if (o.measure() != null && o.measure().strip().equalsIgnoreCase(measure.strip())) return o;
    return null;
  }

  private static String decimal(Double d) {
    return d == null || d.isNaN()
        ? null
        : BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static AdverseEvents adverseEvents(List<String> arms, SummaryResults s, boolean single) {
    List<EventGroup> groups = new ArrayList<>();
    Integer enrolled = s == null ? null : s.flow().enrolled();
    for (int i = 0; i < arms.size(); i++) {
      Integer atRisk = single ? enrolled : null;
      groups.add(
          new EventGroup(
              String.format(Locale.ROOT, "EG%03d", i),
              arms.get(i),
              null,
              arms.get(i),
              null,
              atRisk,
              null,
              atRisk,
              null,
              atRisk));
    }
    List<Event> serious = new ArrayList<>();
    List<Event> other = new ArrayList<>();
    if (s != null)
      for (SummaryResults.AdverseEventRow row : s.adverseEvents()) {
        List<EventStats> stats = new ArrayList<>();
        for (EventGroup g : groups)
          stats.add(
              new EventStats(
                  g.id(),
                  single ? row.events() : null,
                  single ? row.subjects() : null,
                  single ? enrolled : null));
        String notes =
            single
                ? null
                : "Sites' data: "
                    + row.subjects()
                    + " participants, "
                    + row.events()
                    + " events in all arms together";
        (row.serious() ? serious : other)
            .add(new Event(row.term(), null, null, null, notes, stats));
      }
    return new AdverseEvents(null, null, null, null, groups, serious, other);
  }
}
