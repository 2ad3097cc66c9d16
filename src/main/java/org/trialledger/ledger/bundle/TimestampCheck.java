package org.trialledger.ledger.bundle;

import java.nio.file.Path;

/**
 * Checks the timestamps a bundle carries for its checkpoint (the {@code .ots} proof of SHA-256 of the
 * checkpoint note, and an RFC 3161 token). The ledger core knows no Bitcoin: the anchoring verifier
 * implements this and is found through {@link java.util.ServiceLoader} via {@link Factory}.
 */
public interface TimestampCheck {
  /** The outcome of the timestamp step. */
  record Result(VerificationReport.Outcome outcome, String detail) {}

  Result check(String checkpointNote, String otsBase64, String rfc3161Base64);

  /** Creates a check that reads Bitcoin block headers from a file of "HEIGHT HEX" lines. */
  interface Factory {
    TimestampCheck withHeadersFile(Path headersFile);
  }
}
