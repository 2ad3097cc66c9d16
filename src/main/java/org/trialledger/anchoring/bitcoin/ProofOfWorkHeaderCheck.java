package org.trialledger.anchoring.bitcoin;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Confirms a block by the header a source hands out at its height, if that header meets its target
 * and the chain's limit. Proof of work alone does not put a header on the chain with the most work:
 * that comes from the source, which for a verifier is a {@link HeaderChain} (only headers linked by
 * Bitcoin's rules to {@link TrustedHeaders}, the jar's or a {@code --checkpoint}) and for the
 * server its validated {@code HeaderQuorum}. No block hash is trusted here.
 */
public final class ProofOfWorkHeaderCheck implements HeaderCheck {
  private final HeaderSource headers;
  private final BigInteger powLimit;
  private final String grounds;

  public ProofOfWorkHeaderCheck(HeaderSource headers, BigInteger powLimit) {
    this(
        headers,
        powLimit,
        "proof of work valid; the headers given are trusted to be the main chain");
  }

  private ProofOfWorkHeaderCheck(HeaderSource headers, BigInteger powLimit, String grounds) {
    this.headers = headers;
    this.powLimit = powLimit;
    this.grounds = grounds;
  }

  /**
   * A check over a source that already vouches for its headers (a {@link HeaderChain} hands out
   * only headers linked to trusted ones): {@code grounds} says how, in every confirmation.
   */
  public static ProofOfWorkHeaderCheck over(
      HeaderSource headers, BigInteger powLimit, String grounds) {
    return new ProofOfWorkHeaderCheck(headers, powLimit, grounds);
  }

  /** A check with no headers at all: every block is MISSING. */
  public static ProofOfWorkHeaderCheck none() {
    return new ProofOfWorkHeaderCheck(h -> Optional.empty(), BlockHeader.MAINNET_POW_LIMIT);
  }

  @Override
  public Verdict confirm(long height) {
    Optional<BlockHeader> found = headers.header(height);
    if (found.isEmpty()) return Verdict.missing(headers.whyMissing(height));
    BlockHeader header = found.get();
    if (!header.checkProofOfWork(powLimit)) {
      return Verdict.refused(
          header,
          "header "
              + header.blockHashHex()
              + " at "
              + height
              + " does not meet its target or the chain's limit");
    }
    return Verdict.confirmed(header, grounds);
  }
}
