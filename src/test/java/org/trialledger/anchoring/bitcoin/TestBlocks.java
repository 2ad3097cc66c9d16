package org.trialledger.anchoring.bitcoin;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Headers mined in tests with regtest's trivial target, so any merkle root can get a valid header.
 */
public final class TestBlocks {
  /** Regtest's compact target: about half of all hashes meet it. */
  public static final int EASY_BITS = 0x207fffff;

  public static final BigInteger EASY_LIMIT = BlockHeader.targetOf(EASY_BITS);

  private TestBlocks() {}

  public static BlockHeader mine(byte[] merkleRoot, long timeSeconds) {
    return mine(new byte[32], merkleRoot, timeSeconds, EASY_BITS);
  }

  public static BlockHeader mine(
      byte[] previousHash, byte[] merkleRoot, long timeSeconds, int bits) {
    for (int nonce = 0; ; nonce++) {
      ByteBuffer b = ByteBuffer.allocate(BlockHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(0x20000000)
          .put(previousHash)
          .put(merkleRoot)
          .putInt((int) timeSeconds)
          .putInt(bits)
          .putInt(nonce);
      BlockHeader h = BlockHeader.parse(b.array());
      if (h.checkProofOfWork()) return h;
    }
  }
}
