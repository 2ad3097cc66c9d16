package org.trialledger.log.domain;

import java.time.Instant;

/**
 * A witness refused to cosign a checkpoint in a way that a log that only grows never causes: 403
 * (the log's signature does not verify for it), 409 that the catch-up could not reconcile (it
 * cosigned another tree of that size, or a larger one), or 422 (the consistency proof from what it
 * cosigned fails). Possible evidence of a fork or a rollback; fired as a CDI event inside a
 * transaction so that the audit trail records it.
 */
public record WitnessRefusal(
    String witness, String witnessKey, long treeSize, int status, String reason, Instant at) {

  /** Whether a refusal with this HTTP status is evidence against the log's history. */
  public static boolean isEvidence(int status) {
    return status == 403 || status == 409 || status == 422;
  }

  public String describe() {
    return "witness "
        + witness
        + " refused checkpoint "
        + treeSize
        + " ("
        + status
        + ": "
        + reason
        + "): possible fork or rollback of the log";
  }
}
