package org.trialledger.log.domain;

import java.util.function.Consumer;

/**
 * Implemented by each context whose tables hold state that the workflow derives (which version is
 * published, a trial's status, activations, enrolments, which subject owns a record, erasures), so
 * that the full audit can recompute that state from what the log holds and compare, without the log
 * knowing any context's tables.
 */
public interface StateVerifier {
  /** What this verifier covers, e.g. "trials", for the audit's phase display. */
  String scope();

  /** Recomputes the state from ledger-backed transitions and reports each disagreement. */
  void verify(Consumer<Discrepancy> found);
}
