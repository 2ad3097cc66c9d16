package org.trialledger.registry.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A trial's workflow state recomputed from its transitions as the log holds them (each the audit
 * record written, and entered in the ledger, in the transaction that made the change), and compared
 * with the state the tables hold: status, published version, withdrawal and each version's review
 * state. Plain Java, so that the recomputation is tested without a server.
 */
public final class TrialStateReplay {
  private static final String VERSION = "version ";

  private TrialStateReplay() {}

  /** The transitions of the registration workflow, named as their audit records' actions. */
  public enum Step {
    TRIAL_CREATED,
    VERSION_SUBMITTED,
    VERSION_PUBLISHED,
    VERSION_RETURNED,
    TRIAL_WITHDRAWN
  }

  /**
   * One transition; {@code evidence} is the id of the audit record it was read from, {@code
   * version} its version number (the version steps only), {@code reason} the reason given.
   */
  public record Transition(
      long evidence, String registryId, Step step, Integer version, String reason) {}

  /** A trial as its tables hold it; {@code versions} maps each version number to its state. */
  public record StoredTrial(
      String registryId,
      TrialStatus status,
      Integer publishedVersion,
      boolean withdrawn,
      String withdrawalReason,
      Map<Integer, VersionState> versions) {}

  /** One disagreement: where, which field, what the log says and what the table holds. */
  public record Mismatch(String where, String field, String expected, String found) {}

  /** How a transition names its version in its audit record ("version 2"). */
  public static String versionText(int number) {
    return VERSION + number;
  }

  /**
   * Reads a transition from an audit record's action and values; empty if the action is not one of
   * the workflow's or a version step does not name its version.
   */
  public static Optional<Transition> read(
      long evidence, String action, String registryId, String newValue, String reason) {
    Step step;
    try {
      step = Step.valueOf(action);
    } catch (IllegalArgumentException notAStep) {
      return Optional.empty();
    }
    Integer version = null;
    if (step.name().startsWith("VERSION_")) {
      if (newValue == null || !newValue.matches(VERSION + "[1-9][0-9]{0,8}"))
        return Optional.empty();
      version = Integer.valueOf(newValue.substring(VERSION.length()));
    }
    return Optional.of(new Transition(evidence, registryId, step, version, reason));
  }

  /** What the log implies for one trial, and which audit record says so. */
  private static final class Expected {
    Long created;
    TrialStatus status = TrialStatus.DRAFT;
    long statusBy;
    Integer published;
    long publishedBy;
    String withdrawalReason;
    final Map<Integer, VersionState> versions = new TreeMap<>();
    final Map<Integer, Long> versionBy = new TreeMap<>();

    void apply(Transition t) {
      switch (t.step()) {
        case TRIAL_CREATED -> created = t.evidence();
        case VERSION_SUBMITTED -> version(t, VersionState.SUBMITTED);
        case VERSION_RETURNED -> version(t, VersionState.RETURNED);
        case VERSION_PUBLISHED -> {
          version(t, VersionState.PUBLISHED);
          published = t.version();
          publishedBy = t.evidence();
          if (status != TrialStatus.WITHDRAWN) {
            status = TrialStatus.PUBLISHED;
            statusBy = t.evidence();
          }
        }
        case TRIAL_WITHDRAWN -> {
          status = TrialStatus.WITHDRAWN;
          statusBy = t.evidence();
          withdrawalReason = t.reason();
        }
      }
    }

    private void version(Transition t, VersionState state) {
      versions.put(t.version(), state);
      versionBy.put(t.version(), t.evidence());
    }
  }

  /**
   * Replays {@code transitions} (in the order they were recorded) and names every way in which
   * {@code stored} differs.
   */
  public static List<Mismatch> compare(List<Transition> transitions, List<StoredTrial> stored) {
    Map<String, Expected> expected = new LinkedHashMap<>();
    for (Transition t : transitions)
      expected.computeIfAbsent(t.registryId(), id -> new Expected()).apply(t);
    List<Mismatch> out = new ArrayList<>();
    Map<String, StoredTrial> byId = new LinkedHashMap<>();
    for (StoredTrial s : stored) byId.put(s.registryId(), s);
    for (StoredTrial s : stored) {
      Expected e = expected.get(s.registryId());
      String where = "trial " + s.registryId();
      if (e == null || e.created == null) {
        out.add(
            new Mismatch(
                where, "row", "no trial (the log never created it)", "a trial, " + s.status()));
        continue;
      }
      compareTrial(where, e, s, out);
    }
    expected.forEach(
        (registryId, e) -> {
          if (e.created != null && !byId.containsKey(registryId)) {
            out.add(
                new Mismatch(
                    "trial " + registryId,
                    "row",
                    "a trial (created by audit record " + e.created + ")",
                    "none"));
          }
        });
    return out;
  }

  private static void compareTrial(String where, Expected e, StoredTrial s, List<Mismatch> out) {
    if (e.status != s.status()) {
      out.add(
          new Mismatch(
              where,
              "status",
              e.status + by(e.statusBy, e.status != TrialStatus.DRAFT),
              str(s.status())));
    }
    if (!Objects.equals(e.published, s.publishedVersion())) {
      out.add(
          new Mismatch(
              where,
              "published_version",
              e.published == null
                  ? "none (no version was published)"
                  : e.published + by(e.publishedBy, true),
              s.publishedVersion() == null ? "none" : String.valueOf(s.publishedVersion())));
    }
    boolean withdrawn = e.status == TrialStatus.WITHDRAWN;
    if (withdrawn != s.withdrawn()) {
      out.add(
          new Mismatch(
              where,
              "withdrawn_at",
              withdrawn ? "a withdrawal" + by(e.statusBy, true) : "none (never withdrawn)",
              s.withdrawn() ? "a withdrawal" : "none"));
    } else if (withdrawn && !Objects.equals(e.withdrawalReason, s.withdrawalReason())) {
      out.add(
          new Mismatch(
              where,
              "withdrawal_reason",
              quoted(e.withdrawalReason) + by(e.statusBy, true),
              quoted(s.withdrawalReason())));
    }
    TreeSet<Integer> numbers = new TreeSet<>(e.versions.keySet());
    numbers.addAll(s.versions().keySet());
    for (int n : numbers) {
      VersionState want = e.versions.get(n);
      VersionState have = s.versions().get(n);
      if (want != have) {
        out.add(
            new Mismatch(
                where + " version " + n,
                "state",
                want == null
                    ? "no version (never submitted in the log)"
                    : want + by(e.versionBy.get(n), true),
                str(have)));
      }
    }
  }

  private static String by(long evidence, boolean known) {
    return known ? " (audit record " + evidence + ")" : "";
  }

  private static String str(Object o) {
    return o == null ? "none" : o.toString();
  }

  private static String quoted(String s) {
    return s == null ? "none" : "\"" + s + "\"";
  }
}
