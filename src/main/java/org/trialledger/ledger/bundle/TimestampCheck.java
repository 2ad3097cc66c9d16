package org.trialledger.ledger.bundle;

import java.util.List;

/**
 * Checks the timestamps a bundle carries for its checkpoint (the {@code .ots} proof of SHA-256 of
 * the checkpoint note, and an RFC 3161 token). The ledger core knows no Bitcoin: the offline
 * verifier passes in its OpenTimestamps check ({@code verification.offline.OtsTimestampCheck}).
 */
public interface TimestampCheck {
  /** The outcome of the timestamp step. */
  record Result(VerificationReport.Outcome outcome, String detail) {}

  Result check(String checkpointNote, String otsBase64, String rfc3161Base64);

  /**
   * As {@link #check(String, String, String)}, given the Bitcoin headers the bundle carries: a
   * check that confirms blocks validates them like any other headers (they are never trusted for
   * being in the bundle); one that does not ignores them.
   */
  default Result check(
      String checkpointNote,
      String otsBase64,
      String rfc3161Base64,
      List<ProofBundle.HeaderRun> bitcoinHeaders) {
    return check(checkpointNote, otsBase64, rfc3161Base64);
  }
}
