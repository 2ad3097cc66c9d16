package org.trialledger.anchoring.bitcoin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Bitcoin's header rules for one header on top of a chain already accepted: it names its
 * predecessor's hash, carries exactly the bits the difficulty rule gives for its height, meets that
 * target, and its time is above the median of the previous eleven (checked once those eleven are at
 * hand: from the eleventh header after a trusted one). A header passing them after a trusted one
 * cost real work at the chain's difficulty: a difficulty-1 header mined on a laptop fails the bits
 * rule.
 */
public final class ChainValidator {
  /** Headers below the one checked, by height (trusted or already validated). */
  @FunctionalInterface
  public interface Ancestors {
    Optional<BlockHeader> at(long height);
  }

  static final int MEDIAN_TIME_SPAN = 11;

  private ChainValidator() {}

  /** Empty if {@code header} may be the block at {@code height}; otherwise why not. */
  public static Optional<String> check(
      NetworkParameters net, long height, BlockHeader header, Ancestors chain) {
    if (height <= 0) return Optional.of("height " + height + " has no predecessor to follow");
    Optional<BlockHeader> previous = chain.at(height - 1);
    if (previous.isEmpty())
      return Optional.of("the header at " + (height - 1) + " is needed to check " + height);
    if (!Arrays.equals(header.previousBlockHash(), previous.get().hashInternalOrder()))
      return Optional.of(
          "header "
              + header.blockHashHex()
              + " does not link to block "
              + (height - 1)
              + " "
              + previous.get().blockHashHex());
    BlockHeader first = previous.get();
    if (height % net.interval() == 0) {
      Optional<BlockHeader> f = chain.at(height - net.interval());
      if (f.isEmpty())
        return Optional.of(
            "the header at "
                + (height - net.interval())
                + " is needed to recompute the difficulty at "
                + height);
      first = f.get();
    }
    int expected = Difficulty.expectedBits(net, height, previous.get(), first);
    if (header.bits() != expected)
      return Optional.of(
          String.format(
              "bits 0x%08x of the header at %d do not follow the difficulty rule (0x%08x expected)",
              header.bits(), height, expected));
    if (!header.checkProofOfWork())
      return Optional.of(
          "header " + header.blockHashHex() + " does not meet its target: no proof of work");
    List<Long> times = new ArrayList<>();
    for (long h = height - 1; h >= 0 && times.size() < MEDIAN_TIME_SPAN; h--) {
      Optional<BlockHeader> a = h == height - 1 ? previous : chain.at(h);
      // a median of fewer blocks than the rule's is not the rule's median (a real block may be
      // older than its predecessor): just after a trusted header it cannot be checked yet
      if (a.isEmpty()) return Optional.empty();
      times.add(a.get().timeSeconds());
    }
    Collections.sort(times);
    long median = times.get(times.size() / 2);
    if (header.timeSeconds() <= median)
      return Optional.of(
          "time "
              + header.timeSeconds()
              + " of the header at "
              + height
              + " is not above the median "
              + median
              + " of the previous blocks");
    return Optional.empty();
  }
}
