package org.trialledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import org.trialledger.ledger.Hash;

/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2 verification, as strict as transparency-dev/merkle: every hash is
 * 32 bytes (enforced by {@link Hash}), an index must be below its tree size, the walk must use up
 * every proof element and end exactly at the root, and a consistency proof from the empty tree is
 * refused.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * The root that an inclusion proof leads to. Requires 0 ≤ index < size.
   *
   * @throws ProofException if the proof has the wrong length for the index and size
   */
  public static Hash rootFromInclusionProof(long index, long size, Hash leafHash, List<Hash> proof)
      throws ProofException {
    if (index < 0 || size < 0 || index >= size)
      throw new ProofException("The index " + index + " is not below the tree size " + size);
    long fn = index;
    long sn = size - 1;
    Hash r = leafHash;
    for (Hash p : proof) {
      if (sn == 0) throw new ProofException("The inclusion proof is longer than the tree is deep");
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHasher.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = TreeHasher.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) throw new ProofException("The inclusion proof is shorter than the tree is deep");
    return r;
  }

  /**
   * Verifies that the leaf is at {@code index} in the tree of {@code size} leaves with root {@code
   * root}. Valid means: 0 ≤ index < size, the proof has exactly the length that index and size
   * require, and hashing the leaf up the path gives {@code root}.
   */
  public static void verifyInclusion(
      long index, long size, Hash leafHash, List<Hash> proof, Hash root) throws ProofException {
    Hash computed = rootFromInclusionProof(index, size, leafHash, proof);
    if (!computed.equals(root))
      throw new ProofException("The inclusion proof leads to another root", root, computed);
  }

  /**
   * Verifies that the tree of {@code size2} leaves with root {@code root2} extends the tree of
   * {@code size1} leaves with root {@code root1}. Valid means: 0 < size1 ≤ size2; if the sizes are
   * equal, the proof is empty and the roots are equal; otherwise the proof has exactly the required
   * length and rebuilds both roots.
   */
  public static void verifyConsistency(
      long size1, long size2, Hash root1, Hash root2, List<Hash> proof) throws ProofException {
    if (size1 <= 0)
      throw new ProofException("A consistency proof from the empty tree proves nothing");
    if (size2 < size1)
      throw new ProofException(
          "The second tree (" + size2 + ") is smaller than the first (" + size1 + ")");
    if (size1 == size2) {
      if (!proof.isEmpty()) throw new ProofException("Equal sizes need an empty proof");
      if (!root1.equals(root2))
        throw new ProofException("Equal sizes but different roots", root1, root2);
      return;
    }
    if (proof.isEmpty()) throw new ProofException("The consistency proof is empty");
    List<Hash> path = new ArrayList<>(proof);
    if (Long.bitCount(size1) == 1) path.add(0, root1);
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    Hash fr = path.get(0);
    Hash sr = path.get(0);
    for (Hash c : path.subList(1, path.size())) {
      if (sn == 0) throw new ProofException("The consistency proof is too long");
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHasher.nodeHash(c, fr);
        sr = TreeHasher.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = TreeHasher.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) throw new ProofException("The consistency proof is too short");
    if (!fr.equals(root1))
      throw new ProofException("The proof does not rebuild the first root", root1, fr);
    if (!sr.equals(root2))
      throw new ProofException("The proof does not rebuild the second root", root2, sr);
  }
}
