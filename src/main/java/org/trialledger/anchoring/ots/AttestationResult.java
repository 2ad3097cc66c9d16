package org.trialledger.anchoring.ots;

import java.time.Instant;
import java.util.HexFormat;

/** What the verifier found for one attestation of a proof. */
public sealed interface AttestationResult {
  /** The message the attestation is made on. */
  byte[] message();

  /** Still at a calendar: {@code calendarUri} is where an upgrade may come from. */
  record Pending(byte[] message, String calendarUri) implements AttestationResult {}

  /** A notary this code does not know, by its 8-byte tag in hex. */
  record Unknown(byte[] message, String tagHex) implements AttestationResult {}

  /** A known notary this code does not verify (Litecoin, Ethereum). */
  record Unsupported(byte[] message, Attestation attestation) implements AttestationResult {}

  /**
   * The message is the merkle root of the header at {@code height}, which the header check
   * confirmed ({@code confirmedBy} says on what grounds).
   */
  record BitcoinVerified(
      byte[] message, long height, String blockHash, Instant blockTime, String confirmedBy)
      implements AttestationResult {}

  /** A Bitcoin attestation that could not be verified, and why. */
  record BitcoinFailed(byte[] message, long height, Failure failure, String detail)
      implements AttestationResult {}

  enum Failure {
    /** The header source has no header at that height. */
    NO_HEADER,
    /** The attested message is not 32 bytes, so it cannot be a merkle root. */
    DIGEST_LENGTH,
    /**
     * The header check refused the header at that height (proof of work, a pinned hash, or the
     * chain it must link to; the detail says which).
     */
    HEADER_REFUSED,
    /** The attested message is not the header's merkle root. */
    MERKLE_ROOT_MISMATCH
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
