package org.trialledger.anchoring.ots;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded random damage to real proofs (the whole corpus, other clients' orders included): bit
 * flips, byte changes, truncations, insertions, deletions.
 */
final class Mutations {
  private final Random random;
  private final List<byte[]> seeds;

  Mutations(long seed) {
    this.random = new Random(seed);
    this.seeds = OtsVectors.corpusProofs().stream().map(OtsVectors::read).toList();
  }

  byte[] next() {
    byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && b.length > 0; i++) b = mutate(b);
    return b;
  }

  private byte[] mutate(byte[] b) {
    int at = random.nextInt(b.length);
    switch (random.nextInt(6)) {
      case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> b[at] = (byte) random.nextInt(256);
      case 2 -> b = Arrays.copyOf(b, at);
      case 3 -> {
        byte[] extra = new byte[1 + random.nextInt(8)];
        random.nextBytes(extra);
        if (random.nextBoolean()) extra[0] = (byte) 0xff;
        b = splice(b, at, 0, extra);
      }
      case 4 -> b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(8)), new byte[0]);
      default -> {
        int len = Math.min(b.length - at, 1 + random.nextInt(40));
        b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
