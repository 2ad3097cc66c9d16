package org.trialledger.site.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Summary results of a trial from its subjects' latest record versions: participant flow, per
 * outcome measure and visit the count, mean and sample standard deviation of the numeric values,
 * and adverse events by term and seriousness (subjects and events). Values with different units are
 * summarised apart rather than averaged together; adverse-event terms are grouped ignoring case and
 * surrounding space.
 */
public record SummaryResults(
    ParticipantFlow flow, List<OutcomeSummary> outcomes, List<AdverseEventRow> adverseEvents) {

  /** How a subject whose consent was withdrawn is counted among those who did not complete. */
  public static final String WITHDRAWAL_BY_SUBJECT =
      DispositionRecord.Reason.WITHDRAWAL_BY_SUBJECT.label();

  /**
   * {@code withdrawn}: latest consent event a withdrawal; {@code completed}: the site's latest
   * disposition "completed" and not withdrawn; {@code notCompleted}: withdrawn or discontinued, by
   * reason (the discontinuation's, else withdrawal by subject).
   */
  public record ParticipantFlow(
      int enrolled,
      int consented,
      int withdrawn,
      int completed,
      int notCompleted,
      Map<String, Integer> notCompletedReasons) {
    public ParticipantFlow {
      notCompletedReasons =
          java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(notCompletedReasons));
    }

    /** A flow without discontinuations: those who did not complete are the withdrawn. */
    public ParticipantFlow(int enrolled, int consented, int withdrawn, int completed) {
      this(
          enrolled,
          consented,
          withdrawn,
          completed,
          withdrawn,
          withdrawn == 0 ? Map.of() : Map.of(WITHDRAWAL_BY_SUBJECT, withdrawn));
    }
  }

  /**
   * {@code n}: numeric values; {@code mean} null when n = 0, {@code sd} null when n < 2; {@code
   * other}: values not numeric.
   */
  public record OutcomeSummary(
      int outcomeIndex,
      String measure,
      String visit,
      String unit,
      int n,
      Double mean,
      Double sd,
      int other) {}

  public record AdverseEventRow(String term, boolean serious, int subjects, int events) {}

  public SummaryResults {
    outcomes = List.copyOf(outcomes);
    adverseEvents = List.copyOf(adverseEvents);
  }

  /**
   * @param enrolled the trial's enrolled subjects
   * @param completed subjects the sites reported as having completed the trial
   * @param results every version of every result (only each value's latest version counts)
   * @param adverseEvents every version of every adverse event (only the latest counts)
   */
  public static SummaryResults compute(
      Collection<Pseudonym> enrolled,
      Collection<Pseudonym> completed,
      Collection<ConsentRecord> consents,
      Collection<ResultRecord> results,
      Collection<AdverseEventRecord> adverseEvents) {
    return new SummaryResults(
        flow(enrolled, completed, Map.of(), consents),
        outcomes(results),
        adverseEvents(adverseEvents));
  }

  /**
   * @param dispositions every version of every subject's completion or discontinuation (only each
   *     subject's latest counts)
   */
  public static SummaryResults computeWithDispositions(
      Collection<Pseudonym> enrolled,
      Collection<ConsentRecord> consents,
      Collection<DispositionRecord> dispositions,
      Collection<ResultRecord> results,
      Collection<AdverseEventRecord> adverseEvents) {
    Map<Pseudonym, DispositionRecord> latest = new HashMap<>();
    for (DispositionRecord d : dispositions)
      latest.merge(d.subject(), d, (x, y) -> x.version() >= y.version() ? x : y);
    List<Pseudonym> completed = new ArrayList<>();
    Map<Pseudonym, String> discontinued = new HashMap<>();
    latest.forEach(
        (subject, d) -> {
          if (d.status() == DispositionRecord.Status.COMPLETED) completed.add(subject);
          else if (d.reason() != null) discontinued.put(subject, d.reason().label());
        });
    return new SummaryResults(
        flow(enrolled, completed, discontinued, consents),
        outcomes(results),
        adverseEvents(adverseEvents));
  }

  private static ParticipantFlow flow(
      Collection<Pseudonym> enrolled,
      Collection<Pseudonym> completed,
      Map<Pseudonym, String> discontinued,
      Collection<ConsentRecord> consents) {
    Set<Pseudonym> subjects = new HashSet<>(enrolled);
    Set<Pseudonym> consented = new HashSet<>();
    for (ConsentRecord c : consents) {
      if (c.event() == ConsentRecord.Event.CONSENTED && subjects.contains(c.subject()))
        consented.add(c.subject());
    }
    Set<Pseudonym> withdrawn = new HashSet<>();
    ReconsentRule.latestEvents(consents)
        .forEach(
            (subject, last) -> {
              if (last.event() == ConsentRecord.Event.WITHDRAWN && subjects.contains(subject))
                withdrawn.add(subject);
            });
    Set<Pseudonym> done = new HashSet<>(completed);
    done.retainAll(subjects);
    done.removeAll(withdrawn);
    // not completed: discontinued (with the site's reason) or withdrawn from consent
    Map<Pseudonym, String> notCompleted = new HashMap<>();
    discontinued.forEach(
        (subject, why) -> {
          if (subjects.contains(subject) && !done.contains(subject)) notCompleted.put(subject, why);
        });
    for (Pseudonym w : withdrawn) notCompleted.putIfAbsent(w, WITHDRAWAL_BY_SUBJECT);
    Map<String, Integer> reasons = new HashMap<>();
    notCompleted.values().forEach(why -> reasons.merge(why, 1, Integer::sum));
    return new ParticipantFlow(
        subjects.size(),
        consented.size(),
        withdrawn.size(),
        done.size(),
        notCompleted.size(),
        reasons);
  }

  private record Cell(int outcomeIndex, String visit, String unit) {}

  private static List<OutcomeSummary> outcomes(Collection<ResultRecord> results) {
    Map<ResultRecord.Key, ResultRecord> latest = new HashMap<>();
    for (ResultRecord r : results)
      latest.merge(r.key(), r, (a, b) -> a.version() >= b.version() ? a : b);
    // Visits in the order they happened, so that "Week 4" comes before "Week 12".
    Map<String, LocalDate> firstSeen = new HashMap<>();
    for (ResultRecord r : latest.values()) {
      if (r.observedOn() != null)
        firstSeen.merge(r.visit(), r.observedOn(), (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<Cell, List<ResultRecord>> cells = new LinkedHashMap<>();
    latest.values().stream()
        .sorted(
            Comparator.comparingInt(ResultRecord::outcomeIndex)
                .thenComparing(
                    r -> firstSeen.get(r.visit()), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ResultRecord::visit)
                .thenComparing(r -> Objects.toString(r.unit(), "")))
        .forEach(
            r ->
                cells
                    .computeIfAbsent(
                        new Cell(r.outcomeIndex(), r.visit(), r.unit()), k -> new ArrayList<>())
                    .add(r));
    List<OutcomeSummary> out = new ArrayList<>();
    cells.forEach((cell, rs) -> out.add(summarise(cell, rs)));
    return out;
  }

  private static OutcomeSummary summarise(Cell cell, List<ResultRecord> rs) {
    List<Double> values = new ArrayList<>();
    int other = 0;
    for (ResultRecord r : rs) {
      Double v = numeric(r);
      if (v == null) other++;
      else values.add(v);
    }
    int n = values.size();
    Double mean = null;
    Double sd = null;
    if (n > 0) {
      // Welford's update: stable for values far from zero.
      double m = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double delta = values.get(i) - m;
        m += delta / (i + 1);
        squares += delta * (values.get(i) - m);
      }
      mean = m;
      if (n > 1) sd = Math.sqrt(squares / (n - 1));
    }
    return new OutcomeSummary(
        cell.outcomeIndex(),
        rs.get(0).outcomeMeasure(),
        cell.visit(),
        cell.unit(),
        n,
        mean,
        sd,
        other);
  }

  private static Double numeric(ResultRecord r) {
    if (r.valueType() != ResultRecord.ValueType.NUMBER || r.value() == null) return null;
    try {
      return new BigDecimal(r.value().strip()).doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private record Group(String key, boolean serious) {}

  private static List<AdverseEventRow> adverseEvents(Collection<AdverseEventRecord> events) {
    Map<List<Object>, AdverseEventRecord> latest = new HashMap<>();
    for (AdverseEventRecord e : events) {
      latest.merge(
          List.of(e.subject(), e.eventId()), e, (a, b) -> a.version() >= b.version() ? a : b);
    }
    Map<Group, String> spelling = new HashMap<>();
    Map<Group, Set<Pseudonym>> subjects = new HashMap<>();
    Map<Group, Integer> counts = new HashMap<>();
    // The earliest entered spelling names the row (ties: by text), so the table does not vary
    // between runs.
    latest.values().stream()
        .sorted(
            Comparator.comparing(
                    AdverseEventRecord::enteredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> Objects.toString(e.term(), "")))
        .forEach(
            e -> {
              String term = e.term() == null ? "" : e.term().strip();
              Group g = new Group(term.toLowerCase(Locale.ROOT), Boolean.TRUE.equals(e.serious()));
              spelling.putIfAbsent(g, term);
              subjects.computeIfAbsent(g, k -> new HashSet<>()).add(e.subject());
              counts.merge(g, 1, Integer::sum);
            });
    return counts.keySet().stream()
        .sorted(Comparator.comparing(Group::key).thenComparing(Group::serious))
        .map(
            g ->
                new AdverseEventRow(
                    spelling.get(g), g.serious(), subjects.get(g).size(), counts.get(g)))
        .toList();
  }
}
