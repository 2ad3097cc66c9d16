package org.trialledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import org.trialledger.ledger.Hash;

/**
 * RFC 9162 §2.1 written as literally as possible (recursive MTH, PATH, PROOF): the naive
 * cross-check.
 */
public final class ReferenceMerkle {
  private ReferenceMerkle() {}

  public static Hash mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) return TreeHasher.EMPTY_ROOT;
    if (n == 1) return TreeHasher.leafHash(d.get(0));
    int k = k(n);
    return TreeHasher.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  public static List<Hash> path(int m, List<byte[]> d) {
    int n = d.size();
    List<Hash> out = new ArrayList<>();
    if (n <= 1) return out;
    int k = k(n);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(path(m - k, d.subList(k, n)));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  public static List<Hash> proof(int m, List<byte[]> d) {
    return subproof(m, d, true);
  }

  private static List<Hash> subproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    List<Hash> out = new ArrayList<>();
    if (m == n) {
      if (!b) out.add(mth(d));
      return out;
    }
    int k = k(n);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** Largest power of two smaller than n. */
  private static int k(int n) {
    int k = 1;
    while (k << 1 < n) k <<= 1;
    return k;
  }
}
