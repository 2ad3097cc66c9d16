package org.trialledger.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialledger.ledger.Hash;

/**
 * RFC 9162 tree heads and proofs computed from the stored hashes of complete subtrees, for any tree
 * size up to the current one: O(log n) stored hashes per root or proof, never a rehash of the
 * leaves.
 *
 * <p>Every range the RFC's recursions touch, [a, a + len), starts at a multiple of the largest
 * power of two not above len, so it splits into complete subtrees by the binary digits of len; its
 * hash is their fold from the right.
 */
public final class MerkleTree {
  private final NodeStore store;

  public MerkleTree(NodeStore store) {
    this.store = store;
  }

  /** New complete-subtree hashes made by an append, and the new root. */
  public record Appended(Map<NodeId, Hash> newNodes, Hash root) {}

  /**
   * Appends leaf hashes to the tree of {@code size} leaves. Requires that the store holds every
   * complete subtree of that tree. Returns every new complete subtree (leaves included) to store,
   * in order.
   */
  public Appended append(long size, List<Hash> leafHashes) {
    requireSize(size);
    List<NodeId> frontier = rangeNodes(0, size);
    Map<NodeId, Hash> frontierHashes = fetch(frontier);
    CompactRange range =
        new CompactRange(size, frontier, frontier.stream().map(frontierHashes::get).toList());
    Map<NodeId, Hash> created = new LinkedHashMap<>();
    for (Hash leaf : leafHashes) range.append(leaf, created::put);
    return new Appended(created, range.root());
  }

  /**
   * The root of the tree of the first {@code size} leaves. Requires size ≤ the stored tree's size.
   */
  public Hash root(long size) {
    requireSize(size);
    if (size == 0) return TreeHasher.EMPTY_ROOT;
    List<NodeId> ids = rangeNodes(0, size);
    return rangeHash(ids, fetch(ids));
  }

  /**
   * The audit path of leaf {@code index} in the tree of {@code size} leaves, in RFC 9162 order
   * (from the leaf's sibling up). Requires 0 ≤ index < size ≤ the stored tree's size.
   */
  public List<Hash> inclusionProof(long index, long size) {
    if (index < 0 || index >= size)
      throw new IllegalArgumentException("Requires 0 ≤ index < size, got " + index + ", " + size);
    List<long[]> ranges = new ArrayList<>();
    long offset = 0;
    long n = size;
    long m = index;
    while (n > 1) {
      long k = largestPowerOfTwoBelow(n);
      if (m < k) {
        ranges.add(new long[] {offset + k, n - k});
        n = k;
      } else {
        ranges.add(new long[] {offset, k});
        offset += k;
        m -= k;
        n -= k;
      }
    }
    Collections.reverse(ranges);
    return hashRanges(ranges);
  }

  /**
   * The RFC 9162 consistency proof from the tree of {@code oldSize} leaves to the tree of {@code
   * newSize}. Requires 0 < oldSize ≤ newSize ≤ the stored tree's size; empty when the sizes are
   * equal.
   */
  public List<Hash> consistencyProof(long oldSize, long newSize) {
    if (oldSize <= 0 || oldSize > newSize) {
      throw new IllegalArgumentException("Requires 0 < old ≤ new, got " + oldSize + ", " + newSize);
    }
    List<long[]> ranges = new ArrayList<>();
    long offset = 0;
    long n = newSize;
    long m = oldSize;
    boolean wholeOldTree = true;
    while (m != n) {
      long k = largestPowerOfTwoBelow(n);
      if (m <= k) {
        ranges.add(new long[] {offset + k, n - k});
        n = k;
      } else {
        ranges.add(new long[] {offset, k});
        offset += k;
        m -= k;
        n -= k;
        wholeOldTree = false;
      }
    }
    if (!wholeOldTree) ranges.add(new long[] {offset, n});
    Collections.reverse(ranges);
    return hashRanges(ranges);
  }

  /** The complete subtrees that make up leaves [start, start + length), left to right. */
  static List<NodeId> rangeNodes(long start, long length) {
    List<NodeId> ids = new ArrayList<>();
    long pos = start;
    for (int level = 62; level >= 0; level--) {
      long width = 1L << level;
      if ((length & width) != 0) {
        if (pos % width != 0)
          throw new IllegalStateException("Unaligned range [" + start + ", +" + length + ")");
        ids.add(new NodeId(level, pos >> level));
        pos += width;
      }
    }
    return ids;
  }

  /** Largest power of two strictly below n. Requires n ≥ 2. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private List<Hash> hashRanges(List<long[]> ranges) {
    List<List<NodeId>> perRange = new ArrayList<>();
    Set<NodeId> all = new LinkedHashSet<>();
    for (long[] r : ranges) {
      List<NodeId> ids = rangeNodes(r[0], r[1]);
      perRange.add(ids);
      all.addAll(ids);
    }
    Map<NodeId, Hash> hashes = fetch(all);
    List<Hash> proof = new ArrayList<>(ranges.size());
    for (List<NodeId> ids : perRange) proof.add(rangeHash(ids, hashes));
    return proof;
  }

  private static Hash rangeHash(List<NodeId> ids, Map<NodeId, Hash> hashes) {
    List<byte[]> parts = new ArrayList<>(ids.size());
    for (NodeId id : ids) parts.add(hashes.get(id).bytes());
    return foldFromRight(parts, Hash.newDigest());
  }

  /** RFC 9162 MTH of consecutive complete subtrees given left to right, largest first. */
  static Hash foldFromRight(List<byte[]> parts, MessageDigest md) {
    if (parts.isEmpty()) return TreeHasher.EMPTY_ROOT;
    byte[] acc = parts.get(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) acc = TreeHasher.nodeHash(md, parts.get(i), acc);
    return Hash.of(acc);
  }

  private Map<NodeId, Hash> fetch(Collection<NodeId> ids) {
    if (ids.isEmpty()) return Map.of();
    Map<NodeId, Hash> found = store.get(ids);
    for (NodeId id : ids) {
      if (!found.containsKey(id)) throw new MissingNodeException(id);
    }
    return found;
  }

  private static void requireSize(long size) {
    if (size < 0) throw new IllegalArgumentException("A tree size is ≥ 0");
  }

  /**
   * The store lacks a node the tree needs: the tree is larger than what is stored, or the store is
   * damaged.
   */
  public static final class MissingNodeException extends RuntimeException {
    private final NodeId node;

    public MissingNodeException(NodeId node) {
      super("The store has no hash for " + node);
      this.node = node;
    }

    public NodeId node() {
      return node;
    }
  }
}
