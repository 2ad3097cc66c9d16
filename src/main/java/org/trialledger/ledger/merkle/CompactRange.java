package org.trialledger.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.trialledger.ledger.Hash;

/**
 * The right frontier of a tree: the complete subtrees that make up leaves [0, size), largest first.
 * Appending a leaf merges equal-sized neighbours, reporting each complete subtree as it comes into
 * being; the root of the current size is their fold. O(log n) memory, one node hash per leaf on
 * average.
 */
public final class CompactRange {
  private final List<NodeId> ids = new ArrayList<>();
  private final List<byte[]> hashes = new ArrayList<>();
  private final MessageDigest md = Hash.newDigest();
  private long size;

  /** An empty range. */
  public CompactRange() {}

  /**
   * The frontier of a tree of {@code size} leaves; requires the ids of {@link
   * MerkleTree#rangeNodes}(0, size).
   */
  CompactRange(long size, List<NodeId> frontier, List<Hash> frontierHashes) {
    this.size = size;
    ids.addAll(frontier);
    for (Hash h : frontierHashes) hashes.add(h.bytes());
  }

  /**
   * Appends a leaf hash; {@code onNode} sees the leaf and every subtree it completes, bottom-up.
   */
  public void append(Hash leafHash, BiConsumer<NodeId, Hash> onNode) {
    NodeId id = new NodeId(0, size++);
    byte[] hash = leafHash.bytes();
    onNode.accept(id, leafHash);
    while (!ids.isEmpty() && ids.get(ids.size() - 1).level() == id.level()) {
      NodeId left = ids.remove(ids.size() - 1);
      byte[] leftHash = hashes.remove(hashes.size() - 1);
      id = new NodeId(id.level() + 1, left.index() >> 1);
      hash = TreeHasher.nodeHash(md, leftHash, hash);
      onNode.accept(id, Hash.of(hash));
    }
    ids.add(id);
    hashes.add(hash);
  }

  public long size() {
    return size;
  }

  /** The RFC 9162 root of the leaves appended so far. */
  public Hash root() {
    return MerkleTree.foldFromRight(hashes, md);
  }
}
