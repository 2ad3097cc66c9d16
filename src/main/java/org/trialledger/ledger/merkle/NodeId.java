package org.trialledger.ledger.merkle;

/**
 * A complete (perfect) subtree: at {@code level} k it covers the 2^k leaves [index · 2^k, (index +
 * 1) · 2^k). Level 0 is a single leaf.
 */
public record NodeId(int level, long index) {
  public NodeId {
    if (level < 0 || level > 62) throw new IllegalArgumentException("level must be 0..62");
    if (index < 0) throw new IllegalArgumentException("index must be ≥ 0");
  }

  public long firstLeaf() {
    return index << level;
  }

  public long leafCount() {
    return 1L << level;
  }
}
