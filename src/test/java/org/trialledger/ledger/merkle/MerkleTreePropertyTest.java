package org.trialledger.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;

/**
 * The store-based tree against the literal RFC reference on many sizes, appended in uneven batches;
 * and every single-bit change of a proof, root, index or size rejected. Seeded: the same cases
 * every run.
 */
class MerkleTreePropertyTest {
  private static final long SEED = 20261124L;

  @Test
  void rootsAndProofsMatchTheReferenceForEverySizeUpTo70() {
    Random random = new Random(SEED);
    List<byte[]> entries = new ArrayList<>();
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTree tree = new MerkleTree(store);
    while (entries.size() < 70) {
      int batch = 1 + random.nextInt(5);
      List<Hash> leaves = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        byte[] e = new byte[random.nextInt(40)];
        random.nextBytes(e);
        entries.add(e);
        leaves.add(TreeHasher.leafHash(e));
      }
      MerkleTree.Appended appended = tree.append(store.size(), leaves);
      store.put(appended.newNodes());
      assertEquals(
          ReferenceMerkle.mth(entries), appended.root(), "root after append to " + entries.size());
    }
    for (int n = 0; n <= entries.size(); n++) {
      List<byte[]> prefix = entries.subList(0, n);
      assertEquals(ReferenceMerkle.mth(prefix), tree.root(n), "root " + n);
      for (int m = 0; m < n; m++) {
        assertEquals(
            ReferenceMerkle.path(m, prefix), tree.inclusionProof(m, n), "path " + m + "/" + n);
      }
      for (int m = 1; m <= n; m++) {
        assertEquals(
            ReferenceMerkle.proof(m, prefix), tree.consistencyProof(m, n), "proof " + m + "→" + n);
      }
    }
  }

  @Test
  void everyProofVerifiesAndEverySingleBitChangeFails() {
    Random random = new Random(SEED + 1);
    for (int trial = 0; trial < 25; trial++) {
      int n = 1 + random.nextInt(300);
      InMemoryNodeStore store = new InMemoryNodeStore();
      MerkleTree tree = new MerkleTree(store);
      List<Hash> leaves = new ArrayList<>();
      for (int i = 0; i < n; i++)
        leaves.add(TreeHasher.leafHash(new byte[] {(byte) i, (byte) (i >> 8), (byte) trial}));
      store.put(tree.append(0, leaves).newNodes());
      Hash root = tree.root(n);

      int m = random.nextInt(n);
      List<Hash> path = tree.inclusionProof(m, n);
      assertDoesNotThrow(() -> ProofVerifier.verifyInclusion(m, n, leaves.get(m), path, root));
      for (int i = 0; i < path.size(); i++) {
        for (int bit = 0; bit < 256; bit += 37) {
          List<Hash> bad = new ArrayList<>(path);
          bad.set(i, flip(path.get(i), bit));
          assertThrows(
              ProofException.class,
              () -> ProofVerifier.verifyInclusion(m, n, leaves.get(m), bad, root));
        }
      }
      for (int bit = 0; bit < 256; bit += 29) {
        int b = bit;
        assertThrows(
            ProofException.class,
            () -> ProofVerifier.verifyInclusion(m, n, leaves.get(m), path, flip(root, b)));
      }
      for (int bit = 0; bit < 20; bit++) {
        long badIndex = m ^ (1L << bit);
        assertThrows(
            ProofException.class,
            () -> ProofVerifier.verifyInclusion(badIndex, n, leaves.get(m), path, root));
        // A proof does not commit to the size by itself: the signed checkpoint binds a size to its
        // root. So a
        // changed size is checked against the root of that size, where one exists.
        long badSize = n ^ (1L << bit);
        if (badSize > m && badSize <= n) {
          Hash rootOfBadSize = tree.root(badSize);
          assertThrows(
              ProofException.class,
              () -> ProofVerifier.verifyInclusion(m, badSize, leaves.get(m), path, rootOfBadSize));
        }
      }

      int old = 1 + random.nextInt(n);
      Hash oldRoot = tree.root(old);
      List<Hash> proof = tree.consistencyProof(old, n);
      assertDoesNotThrow(() -> ProofVerifier.verifyConsistency(old, n, oldRoot, root, proof));
      for (int i = 0; i < proof.size(); i++) {
        List<Hash> bad = new ArrayList<>(proof);
        bad.set(i, flip(proof.get(i), 7 * i % 256));
        assertThrows(
            ProofException.class,
            () -> ProofVerifier.verifyConsistency(old, n, oldRoot, root, bad));
      }
      if (old < n) {
        assertThrows(
            ProofException.class,
            () -> ProofVerifier.verifyConsistency(old, n, flip(oldRoot, 3), root, proof));
        assertThrows(
            ProofException.class,
            () -> ProofVerifier.verifyConsistency(old, n, oldRoot, flip(root, 200), proof));
        // As for inclusion, a changed size is checked against the root of that size.
        for (int bit = 0; bit < 12; bit++) {
          long badOld = old ^ (1L << bit);
          long badNew = n ^ (1L << bit);
          if (badOld > 0 && badOld <= n) {
            Hash rootOfBadOld = tree.root(badOld);
            assertThrows(
                ProofException.class,
                () -> ProofVerifier.verifyConsistency(badOld, n, rootOfBadOld, root, proof));
          }
          if (badNew >= old && badNew <= n) {
            Hash rootOfBadNew = tree.root(badNew);
            assertThrows(
                ProofException.class,
                () -> ProofVerifier.verifyConsistency(old, badNew, oldRoot, rootOfBadNew, proof));
          }
        }
      }
    }
  }

  @Test
  void aTreeLargerThanTheStoreIsRefused() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTree tree = new MerkleTree(store);
    store.put(tree.append(0, List.of(TreeHasher.leafHash(new byte[] {1}))).newNodes());
    assertThrows(MerkleTree.MissingNodeException.class, () -> tree.root(2));
    assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(1, 1));
    assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(0, 1));
  }

  static Hash flip(Hash h, int bit) {
    byte[] b = h.bytes();
    b[bit / 8] ^= (byte) (1 << (bit % 8));
    return Hash.of(b);
  }
}
