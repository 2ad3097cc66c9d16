package org.trialledger.ledger.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a bundle verification checked, step by step, and whether each step held. */
public final class VerificationReport {
  /**
   * The outcome of one step. {@code SKIPPED} steps are not failures: there was nothing to check.
   */
  public enum Outcome {
    PASS,
    FAIL,
    SKIPPED
  }

  public record Step(String name, Outcome outcome, String detail) {}

  private final List<Step> steps = new ArrayList<>();

  void pass(String name, String detail) {
    steps.add(new Step(name, Outcome.PASS, detail));
  }

  void fail(String name, String detail) {
    steps.add(new Step(name, Outcome.FAIL, detail));
  }

  void skip(String name, String detail) {
    steps.add(new Step(name, Outcome.SKIPPED, detail));
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** True when no step failed and at least one passed. */
  public boolean holds() {
    return steps.stream().noneMatch(s -> s.outcome() == Outcome.FAIL)
        && steps.stream().anyMatch(s -> s.outcome() == Outcome.PASS);
  }

  /** The first failing step, if any. */
  public Optional<Step> firstFailure() {
    return steps.stream().filter(s -> s.outcome() == Outcome.FAIL).findFirst();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      b.append(String.format("%-8s %-28s %s%n", "[" + s.outcome() + "]", s.name(), s.detail()));
    }
    b.append(
        holds()
            ? "RESULT: VERIFIED\n"
            : "RESULT: NOT VERIFIED ("
                + firstFailure().map(Step::name).orElse("nothing checked")
                + ")\n");
    return b.toString();
  }
}
