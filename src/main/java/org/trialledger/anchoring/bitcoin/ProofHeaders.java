package org.trialledger.anchoring.bitcoin;

import java.util.Collection;
import java.util.HexFormat;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The headers a verifier needs to confirm blocks: for each block, the headers from the nearest
 * trusted one below it (the start of its difficulty period, where the published headers have it;
 * else the newest checkpoint within ten periods) up to the block, as a headers file.
 */
public final class ProofHeaders {
  /** Validated headers in a height range, inclusive. */
  @FunctionalInterface
  public interface Validated {
    NavigableMap<Long, BlockHeader> range(long from, long to);
  }

  private ProofHeaders() {}

  public static String forHeights(
      TrustedHeaders trusted, Validated validated, Collection<Long> heights) {
    TreeMap<Long, BlockHeader> lines = new TreeMap<>();
    int interval = trusted.network().interval();
    for (long h : heights) {
      long from = h - h % interval;
      if (trusted.header(from).isEmpty()) {
        Long pinned = trusted.hashes().floorKey(h);
        if (pinned != null && h - pinned <= 10L * interval) from = Math.min(from, pinned);
      }
      lines.putAll(validated.range(from, h));
    }
    StringBuilder out = new StringBuilder();
    lines.forEach(
        (height, header) ->
            out.append(height)
                .append(' ')
                .append(HexFormat.of().formatHex(header.bytes()))
                .append('\n'));
    return out.toString();
  }
}
