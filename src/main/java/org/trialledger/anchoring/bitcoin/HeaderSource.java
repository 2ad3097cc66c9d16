package org.trialledger.anchoring.bitcoin;

import java.util.Optional;

/**
 * Where block headers come from, by height. Implementations need not be trusted for integrity: the
 * verifier checks each header's proof of work. They are trusted only to be on the chain with the
 * most work.
 */
@FunctionalInterface
public interface HeaderSource {
  Optional<BlockHeader> header(long height);
}
