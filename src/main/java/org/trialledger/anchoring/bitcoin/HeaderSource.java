package org.trialledger.anchoring.bitcoin;

import java.util.Optional;

/**
 * Where block headers come from, by height. A {@link HeaderChain} hands out only headers that link
 * to trusted ones under Bitcoin's header rules; a bare {@link HeadersFile} is not checked beyond
 * each header's own proof of work, so the verifiers validate it into a chain before use.
 */
@FunctionalInterface
public interface HeaderSource {
  Optional<BlockHeader> header(long height);

  /** Why {@link #header} has nothing at {@code height}, for a report. */
  default String whyMissing(long height) {
    return "no header at height " + height;
  }
}
