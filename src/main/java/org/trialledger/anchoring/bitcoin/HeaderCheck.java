package org.trialledger.anchoring.bitcoin;

/**
 * Decides whether the block at a height is one the verifier may count as Bitcoin's: a Bitcoin
 * attestation is confirmed only through this check (then its message must be the header's merkle
 * root). Implementations say how strongly they know: today's {@link ProofOfWorkHeaderCheck} trusts
 * the headers it was given to be on the chain with the most work; a check that links headers to
 * trusted ones can replace it without changing any caller.
 */
@FunctionalInterface
public interface HeaderCheck {
  Verdict confirm(long height);

  /** What the check found at a height. */
  record Verdict(Status status, BlockHeader header, String detail) {
    public enum Status {
      /** The header is the chain's at that height ({@code detail} says on what grounds). */
      CONFIRMED,
      /** No header for that height was available: nothing wrong, nothing proven. */
      MISSING,
      /** A header was given and is not acceptable (bad proof of work, not the pinned hash, …). */
      REFUSED
    }

    public static Verdict confirmed(BlockHeader header, String how) {
      return new Verdict(Status.CONFIRMED, header, how);
    }

    public static Verdict missing(String detail) {
      return new Verdict(Status.MISSING, null, detail);
    }

    public static Verdict refused(BlockHeader header, String detail) {
      return new Verdict(Status.REFUSED, header, detail);
    }
  }
}
