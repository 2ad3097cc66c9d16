package org.trialledger.ledger.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a bundle verification checked, step by step, and what each step proved. Only {@code FAIL} is
 * a failure; the other outcomes say exactly what was not proven.
 */
public final class VerificationReport {
  public enum Outcome {
    PASS,
    FAIL,
    /** There was nothing to check (no file given, no earlier checkpoint). */
    SKIPPED,
    /** The log key was read and used, but not compared with one the verifier obtained itself. */
    UNPINNED,
    /** The timestamp is not in Bitcoin yet: no proof, or pending at calendars. */
    PENDING,
    /**
     * The timestamp names a block the verifier could not confirm, or only notaries it does not
     * check (Litecoin, unknown ones): nothing wrong found, nothing proven.
     */
    UNCONFIRMED
  }

  public record Step(String name, Outcome outcome, String detail) {}

  private final List<Step> steps = new ArrayList<>();

  void pass(String name, String detail) {
    add(name, Outcome.PASS, detail);
  }

  void fail(String name, String detail) {
    add(name, Outcome.FAIL, detail);
  }

  void skip(String name, String detail) {
    add(name, Outcome.SKIPPED, detail);
  }

  void add(String name, Outcome outcome, String detail) {
    steps.add(new Step(name, outcome, detail));
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The outcome of the named step, if it was taken. */
  public Optional<Step> step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** True when no step failed and at least one passed. */
  public boolean holds() {
    return steps.stream().noneMatch(s -> s.outcome() == Outcome.FAIL)
        && steps.stream().anyMatch(s -> s.outcome() == Outcome.PASS);
  }

  /** It holds, and against a log key the verifier pinned: the only result worth "VERIFIED". */
  public boolean verified() {
    return holds() && steps.stream().noneMatch(s -> s.outcome() == Outcome.UNPINNED);
  }

  /** The first failing step, if any. */
  public Optional<Step> firstFailure() {
    return steps.stream().filter(s -> s.outcome() == Outcome.FAIL).findFirst();
  }

  /** The line that sums the report up. */
  public String result() {
    if (verified()) return "RESULT: VERIFIED";
    if (holds()) return "RESULT: HOLDS, BUT THE LOG KEY IS NOT PINNED (pass --key or --key-file)";
    return "RESULT: NOT VERIFIED ("
        + firstFailure().map(Step::name).orElse("nothing checked")
        + ")";
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      b.append(String.format("%-13s %-21s %s%n", "[" + s.outcome() + "]", s.name(), s.detail()));
    }
    return b.append(result()).append('\n').toString();
  }
}
