package org.trialledger.results.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialledger.results.domain.ResultsRecord.AdverseEvents;
import org.trialledger.results.domain.ResultsRecord.Analysis;
import org.trialledger.results.domain.ResultsRecord.Denom;
import org.trialledger.results.domain.ResultsRecord.DenomCount;
import org.trialledger.results.domain.ResultsRecord.Event;
import org.trialledger.results.domain.ResultsRecord.EventGroup;
import org.trialledger.results.domain.ResultsRecord.EventStats;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.Measure;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;
import org.trialledger.results.domain.ResultsRecord.OutcomeType;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.UnreportedOutcome;

/**
 * The checks of ClinicalTrials.gov's results review criteria that a program can make, per field:
 * group counts consistent across modules, denominators no larger than the participants who started,
 * units present, p-values in [0, 1], a confidence level with its bounds, every registered primary
 * outcome reported or explained, and adverse-event totals at least any single term.
 *
 * <p>Groups of different modules are the same when they report the same registered arm; a group
 * tied to no arm is compared with nothing (a baseline "Total" with the sum of those started).
 */
public final class ResultsValidator {
  private static final Pattern P_VALUE =
      Pattern.compile("\\s*(<=|>=|<|>|≤|≥)?\\s*([0-9.eE+-]+)\\s*");

  private final ResultsRecord r;
  private final List<ResultsFinding> out = new ArrayList<>();

  /** Participants who started the first period, by registered arm. */
  private final Map<String, Integer> startedByArm = new HashMap<>();

  private Integer startedTotal;

  private ResultsValidator(ResultsRecord r) {
    this.r = r;
  }

  /**
   * @param registeredPrimaryOutcomes the measures of the registered primary outcomes
   */
  public static List<ResultsFinding> validate(
      ResultsRecord record, List<String> registeredPrimaryOutcomes) {
    ResultsValidator v = new ResultsValidator(record);
    v.started();
    v.groupCounts();
    v.denominators();
    v.units();
    v.analyses();
    v.primaryOutcomes(registeredPrimaryOutcomes == null ? List.of() : registeredPrimaryOutcomes);
    v.adverseEventTotals();
    return List.copyOf(v.out);
  }

  public static boolean hasErrors(List<ResultsFinding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == ResultsFinding.Severity.ERROR);
  }

  private void started() {
    ParticipantFlow f = r.participantFlow();
    if (f == null || f.periods().isEmpty()) return;
    Map<String, String> armOf = new HashMap<>();
    for (Group g : f.groups()) if (g.armLabel() != null) armOf.put(g.id(), g.armLabel());
    for (Milestone m : f.periods().get(0).milestones()) {
      if (!Milestone.STARTED.equalsIgnoreCase(m.type())) continue;
      int total = 0;
      for (GroupCount c : m.achievements()) {
        if (c.numSubjects() == null) continue;
        total += c.numSubjects();
        String arm = armOf.get(c.groupId());
        if (arm != null) startedByArm.merge(arm, c.numSubjects(), Integer::sum);
      }
      startedTotal = total;
    }
  }

  // --- group counts consistent across modules

  private void groupCounts() {
    if (r.participantFlow() == null) return;
    long flowArms = armCount(r.participantFlow().groups());
    if (r.baseline() != null) {
      long n = armCount(r.baseline().groups());
      if (n != flowArms)
        out.add(
            ResultsFinding.warning(
                "baseline.groups",
                "Baseline reports "
                    + n
                    + " arm(s), the participant flow "
                    + flowArms
                    + "; report the same arms or explain why not"));
      // overall baseline number vs started, per arm
      Map<String, String> armOf = arms(r.baseline().groups());
      if (!r.baseline().denoms().isEmpty()) {
        List<DenomCount> counts = r.baseline().denoms().get(0).counts();
        for (int k = 0; k < counts.size(); k++) {
          DenomCount c = counts.get(k);
          Integer started = startedFor(armOf, c.groupId());
          if (c.value() != null && started != null && c.value() < started)
            out.add(
                ResultsFinding.warning(
                    "baseline.denoms[0].counts[" + k + "].value",
                    "Baseline analyses "
                        + c.value()
                        + " participants but "
                        + started
                        + " started; say in the population description why the others are"
                        + " not analysed"));
        }
      }
    }
    if (r.adverseEvents() != null) {
      long n = r.adverseEvents().eventGroups().stream().filter(g -> g.armLabel() != null).count();
      if (n != flowArms)
        out.add(
            ResultsFinding.warning(
                "adverseEvents.eventGroups",
                "Adverse events are reported for "
                    + n
                    + " arm(s), the participant flow has "
                    + flowArms
                    + "; every arm needs its adverse events"));
    }
  }

  private static long armCount(List<Group> groups) {
    return groups.stream().map(Group::armLabel).filter(a -> a != null).distinct().count();
  }

  private static Map<String, String> arms(List<Group> groups) {
    Map<String, String> armOf = new HashMap<>();
    for (Group g : groups) armOf.put(g.id(), g.armLabel() == null ? "" : g.armLabel());
    return armOf;
  }

  /** Those who started the arm of a group; for a group of no arm, all who started. */
  private Integer startedFor(Map<String, String> armOf, String groupId) {
    String arm = armOf.get(groupId);
    if (arm == null) return null;
    return arm.isEmpty() ? startedTotal : startedByArm.get(arm);
  }

  // --- denominators ≤ participants started

  private void denominators() {
    if (r.baseline() != null)
      denoms(r.baseline().denoms(), arms(r.baseline().groups()), "baseline", "Baseline");
    List<OutcomeMeasure> oms = r.outcomeMeasures();
    for (int i = 0; i < oms.size(); i++)
      denoms(
          oms.get(i).denoms(),
          arms(oms.get(i).groups()),
          "outcomeMeasures[" + i + "]",
          "This outcome measure");
    AdverseEvents ae = r.adverseEvents();
    if (ae == null) return;
    for (int g = 0; g < ae.eventGroups().size(); g++) {
      EventGroup e = ae.eventGroups().get(g);
      Integer started = e.armLabel() == null ? null : startedByArm.get(e.armLabel());
      String at = "adverseEvents.eventGroups[" + g + "].";
      atRisk(at + "seriousNumAtRisk", e.seriousNumAtRisk(), started);
      atRisk(at + "otherNumAtRisk", e.otherNumAtRisk(), started);
      atRisk(at + "deathsNumAtRisk", e.deathsNumAtRisk(), started);
    }
  }

  private void atRisk(String field, Integer atRisk, Integer started) {
    if (atRisk != null && started != null && atRisk > started)
      out.add(
          ResultsFinding.error(
              field, atRisk + " at risk, but only " + started + " started in this arm"));
  }

  private void denoms(List<Denom> denoms, Map<String, String> armOf, String at, String what) {
    for (int j = 0; j < denoms.size(); j++) {
      Denom d = denoms.get(j);
      if (d.units() != null && !d.units().equalsIgnoreCase("Participants")) continue;
      for (int k = 0; k < d.counts().size(); k++) {
        DenomCount c = d.counts().get(k);
        Integer started = startedFor(armOf, c.groupId());
        if (c.value() != null && started != null && c.value() > started)
          out.add(
              ResultsFinding.error(
                  at + ".denoms[" + j + "].counts[" + k + "].value",
                  what
                      + " analyses "
                      + c.value()
                      + " participants, more than the "
                      + started
                      + " who started"));
      }
    }
  }

  // --- units present

  private void units() {
    if (r.baseline() != null) {
      List<Measure> ms = r.baseline().measures();
      for (int i = 0; i < ms.size(); i++)
        if (blank(ms.get(i).unitOfMeasure()))
          out.add(
              ResultsFinding.error(
                  "baseline.measures[" + i + "].unitOfMeasure", "Give the unit of measure"));
    }
    List<OutcomeMeasure> oms = r.outcomeMeasures();
    for (int i = 0; i < oms.size(); i++) {
      OutcomeMeasure o = oms.get(i);
      if (!o.classes().isEmpty() && blank(o.unitOfMeasure()))
        out.add(
            ResultsFinding.error(
                "outcomeMeasures[" + i + "].unitOfMeasure", "Give the unit of measure"));
    }
  }

  // --- p-values and confidence intervals

  private void analyses() {
    List<OutcomeMeasure> oms = r.outcomeMeasures();
    for (int i = 0; i < oms.size(); i++) {
      List<Analysis> as = oms.get(i).analyses();
      for (int j = 0; j < as.size(); j++)
        analysis(as.get(j), "outcomeMeasures[" + i + "].analyses[" + j + "].");
    }
  }

  private void analysis(Analysis a, String at) {
    if (!blank(a.pValue())) {
      Matcher m = P_VALUE.matcher(a.pValue());
      BigDecimal p = m.matches() ? number(m.group(2)) : null;
      if (p == null)
        out.add(
            ResultsFinding.error(
                at + "pValue", "Write the p-value as a number such as 0.03 or <0.001"));
      else if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0)
        out.add(ResultsFinding.error(at + "pValue", "A p-value lies between 0 and 1"));
    }
    boolean hasBound = !blank(a.ciLowerLimit()) || !blank(a.ciUpperLimit());
    if (hasBound && blank(a.ciPctValue()))
      out.add(
          ResultsFinding.error(
              at + "ciPctValue", "Give the confidence level of the interval (e.g. 95)"));
    if (!blank(a.ciPctValue())) {
      BigDecimal level = number(a.ciPctValue());
      if (level == null || level.signum() <= 0 || level.compareTo(BigDecimal.valueOf(100)) >= 0)
        out.add(
            ResultsFinding.error(
                at + "ciPctValue", "The confidence level is a percentage above 0 and below 100"));
      if (blank(a.ciNumSides()))
        out.add(
            ResultsFinding.error(at + "ciNumSides", "Say whether the interval is 1- or 2-sided"));
      if (!hasBound)
        out.add(
            ResultsFinding.error(
                at + "ciLowerLimit", "A confidence level needs the interval's bounds"));
    }
    bound(a.ciLowerLimit(), a.ciLowerLimitComment(), at + "ciLowerLimit");
    bound(a.ciUpperLimit(), a.ciUpperLimitComment(), at + "ciUpperLimit");
    BigDecimal lo = number(a.ciLowerLimit());
    BigDecimal hi = number(a.ciUpperLimit());
    if (lo != null && hi != null && lo.compareTo(hi) > 0) {
      out.add(
          ResultsFinding.error(
              at + "ciUpperLimit", "The upper bound is below the lower bound " + a.ciLowerLimit()));
      return; // where the estimate lies says nothing until the bounds are right
    }
    BigDecimal est = number(a.paramValue());
    if (est != null
        && ((lo != null && est.compareTo(lo) < 0) || (hi != null && est.compareTo(hi) > 0)))
      out.add(
          ResultsFinding.warning(
              at + "paramValue", "The estimate lies outside its confidence interval"));
  }

  /** A bound is a number, or "NA" with a comment saying why. */
  private void bound(String value, String comment, String field) {
    if (blank(value)) return;
    if (value.strip().equalsIgnoreCase("NA")) {
      if (blank(comment))
        out.add(ResultsFinding.error(field, "Explain in a comment why the bound is not available"));
    } else if (number(value) == null) {
      out.add(ResultsFinding.error(field, "Write the bound as a number, or NA with a comment"));
    }
  }

  // --- every registered primary outcome reported or explained

  private void primaryOutcomes(List<String> registered) {
    for (String measure : registered) {
      boolean reported =
          r.outcomeMeasures().stream()
              .anyMatch(o -> o.type() == OutcomeType.PRIMARY && same(o.title(), measure));
      boolean explained =
          r.unreportedOutcomes().stream()
              .anyMatch(u -> same(u.measure(), measure) && !blank(u.reason()));
      if (!reported && !explained)
        out.add(
            ResultsFinding.error(
                "outcomeMeasures",
                "The registered primary outcome \""
                    + measure
                    + "\" is neither reported nor explained"));
    }
    List<UnreportedOutcome> us = r.unreportedOutcomes();
    for (int i = 0; i < us.size(); i++)
      if (blank(us.get(i).reason()))
        out.add(
            ResultsFinding.error(
                "unreportedOutcomes[" + i + "].reason", "Say why this outcome is not reported"));
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && norm(a).equals(norm(b));
  }

  private static String norm(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  // --- adverse-event totals ≥ any single term

  private void adverseEventTotals() {
    AdverseEvents ae = r.adverseEvents();
    if (ae == null) return;
    for (int g = 0; g < ae.eventGroups().size(); g++) {
      EventGroup e = ae.eventGroups().get(g);
      String at = "adverseEvents.eventGroups[" + g + "].";
      total(
          ae.seriousEvents(), e.id(), e.seriousNumAffected(), at + "seriousNumAffected", "serious");
      total(ae.otherEvents(), e.id(), e.otherNumAffected(), at + "otherNumAffected", "other");
    }
    terms(ae.seriousEvents(), "adverseEvents.seriousEvents[");
    terms(ae.otherEvents(), "adverseEvents.otherEvents[");
  }

  private void total(List<Event> events, String groupId, Integer total, String field, String kind) {
    for (Event ev : events)
      for (EventStats s : ev.stats())
        if (s.groupId() != null
            && s.groupId().equals(groupId)
            && s.numAffected() != null
            && (total == null || s.numAffected() > total)) {
          out.add(
              ResultsFinding.error(
                  field,
                  "The total affected by "
                      + kind
                      + " adverse events ("
                      + (total == null ? "not given" : total)
                      + ") is below the "
                      + s.numAffected()
                      + " affected by \""
                      + ev.term()
                      + "\" alone"));
          return;
        }
  }

  private void terms(List<Event> events, String at) {
    for (int i = 0; i < events.size(); i++) {
      List<EventStats> stats = events.get(i).stats();
      for (int j = 0; j < stats.size(); j++) {
        EventStats s = stats.get(j);
        if (s.numAffected() != null && s.numAtRisk() != null && s.numAffected() > s.numAtRisk())
          out.add(
              ResultsFinding.error(
                  at + i + "].stats[" + j + "].numAffected",
                  "More participants affected ("
                      + s.numAffected()
                      + ") than at risk ("
                      + s.numAtRisk()
                      + ")"));
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static BigDecimal number(String s) {
    if (s == null) return null;
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
