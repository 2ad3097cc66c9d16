package org.trialledger.ledger.merkle;

import java.security.MessageDigest;
import org.trialledger.ledger.Hash;

/** RFC 9162 §2.1.1 hashing: domain-separated leaves and interior nodes, and the empty tree. */
public final class TreeHasher {
  /** Prefix of a leaf's input: a leaf can never be mistaken for a node. */
  public static final byte LEAF_PREFIX = 0x00;

  /** Prefix of an interior node's input. */
  public static final byte NODE_PREFIX = 0x01;

  /** The root of the empty tree, SHA-256 of no bytes. */
  public static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

  private TreeHasher() {}

  /** SHA-256(0x00 ‖ entry). */
  public static Hash leafHash(byte[] entry) {
    return Hash.sha256(new byte[] {LEAF_PREFIX}, entry);
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static Hash nodeHash(Hash left, Hash right) {
    return Hash.sha256(new byte[] {NODE_PREFIX}, left.bytes(), right.bytes());
  }

  /** Same as {@link #nodeHash} on raw bytes, for hot loops; both must be 32 bytes. */
  static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }
}
