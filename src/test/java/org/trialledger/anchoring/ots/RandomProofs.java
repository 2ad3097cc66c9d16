package org.trialledger.anchoring.ots;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random proofs built with our API, for property and cross-implementation tests. */
final class RandomProofs {
  private static final OpKind[] HASHES = {
    OpKind.SHA1, OpKind.RIPEMD160, OpKind.SHA256, OpKind.KECCAK256
  };

  private final Random random;

  /**
   * Whether to use what the reference reads but java-opentimestamps 1.11 does not write back alike:
   * reverse and hexlify (it lacks them), Litecoin and unknown attestations (it mangles unknown
   * payloads), and nodes with more than one attestation (it writes the last one twice, or fails to
   * sort different types).
   */
  private final boolean referenceOnlyFeatures;

  /** Nodes with several ops: 1.11 writes those in hash-map order, which varies from run to run. */
  private final boolean forks;

  RandomProofs(long seed, boolean referenceOnlyFeatures, boolean forks) {
    this.random = new Random(seed);
    this.referenceOnlyFeatures = referenceOnlyFeatures;
    this.forks = forks;
  }

  DetachedTimestampFile next() {
    OpKind hash = HASHES[random.nextInt(HASHES.length)];
    return new DetachedTimestampFile(hash, node(bytes(hash.digestLength()), 0));
  }

  private Timestamp node(byte[] message, int depth) {
    Timestamp t = Timestamp.of(message);
    int branches = depth > 6 ? 1 : 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
    for (int i = 0; i < branches; i++) {
      if (depth > 6 || random.nextInt(4) == 0) {
        if (!referenceOnlyFeatures && !t.attestations().isEmpty()) continue;
        t = t.withAttestation(attestation());
        continue;
      }
      if (!forks && !t.ops().isEmpty()) continue;
      Op op = op(random.nextBoolean(), message.length);
      t = t.withOp(op, node(op.apply(message), depth + 1));
    }
    return t;
  }

  private Op op(boolean hash, int messageLength) {
    if (hash) {
      if (referenceOnlyFeatures && messageLength <= 64 && random.nextInt(5) == 0) {
        return Op.unary(random.nextBoolean() ? OpKind.REVERSE : OpKind.HEXLIFY);
      }
      return Op.unary(HASHES[random.nextInt(HASHES.length)]);
    }
    byte[] arg = bytes(1 + random.nextInt(40));
    return random.nextBoolean() ? Op.append(arg) : Op.prepend(arg);
  }

  private Attestation attestation() {
    int kind = random.nextInt(referenceOnlyFeatures ? 5 : 2);
    return switch (kind) {
      case 0 -> new BitcoinAttestation(random.nextInt(1_000_000));
      case 1 -> new PendingAttestation("https://cal" + random.nextInt(9) + ".example.org/x_y-z.1");
      case 2 ->
          new UnknownAttestation(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, bytes(random.nextInt(20)));
      case 3 -> new LitecoinAttestation(random.nextInt(100_000));
      default ->
          new UnknownAttestation(
              new byte[] {(byte) 0xee, 2, 3, 4, 5, 6, 7, 8}, bytes(random.nextInt(20)));
    };
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  List<DetachedTimestampFile> take(int n) {
    List<DetachedTimestampFile> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(next());
    return out;
  }
}
