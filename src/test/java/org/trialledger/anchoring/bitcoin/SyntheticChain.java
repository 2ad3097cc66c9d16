package org.trialledger.anchoring.bitcoin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A header chain mined in tests with {@link NetworkParameters#TEST} (every header follows the
 * difficulty rule, so {@link ChainValidator} accepts it), starting at a period's first block. Tests
 * put the merkle roots they need at chosen heights; the start is what a checkpoint trusts.
 */
public final class SyntheticChain {
  public static final NetworkParameters NET = NetworkParameters.TEST;

  private final TreeMap<Long, BlockHeader> headers = new TreeMap<>();

  /** A chain whose first header is at {@code startHeight} (a multiple of the test interval). */
  public SyntheticChain(long startHeight, long startTime) {
    if (startHeight % NET.interval() != 0)
      throw new IllegalArgumentException("start at a period's first block");
    headers.put(startHeight, mine(new byte[32], root(startHeight), startTime, NET.powLimitBits()));
  }

  /** Adds a block {@code spacing} seconds after the tip with an arbitrary merkle root. */
  public BlockHeader extend(long spacing) {
    return extend(spacing, root(tipHeight() + 1));
  }

  /** Adds a block {@code spacing} seconds after the tip, committing to {@code merkleRoot}. */
  public synchronized BlockHeader extend(long spacing, byte[] merkleRoot) {
    long height = tipHeight() + 1;
    BlockHeader tip = headers.lastEntry().getValue();
    BlockHeader first = headers.getOrDefault(height - NET.interval(), tip);
    int bits = Difficulty.expectedBits(NET, height, tip, first);
    BlockHeader h = mine(tip.hashInternalOrder(), merkleRoot, tip.timeSeconds() + spacing, bits);
    headers.put(height, h);
    return h;
  }

  /** Extends by {@code n} blocks of ten minutes. */
  public SyntheticChain extendBy(int n) {
    for (int i = 0; i < n; i++) extend(600);
    return this;
  }

  public synchronized long startHeight() {
    return headers.firstKey();
  }

  public synchronized long tipHeight() {
    return headers.lastKey();
  }

  public synchronized BlockHeader at(long height) {
    return headers.get(height);
  }

  public synchronized NavigableMap<Long, BlockHeader> headers() {
    return Collections.unmodifiableNavigableMap(new TreeMap<>(headers));
  }

  /** The checkpoint that trusts this chain's first header. */
  public TrustedHeaders.Checkpoint startCheckpoint() {
    return new TrustedHeaders.Checkpoint(startHeight(), at(startHeight()).blockHashHex());
  }

  public TrustedHeaders trusted() {
    return TrustedHeaders.of(NET).withCheckpoint(startCheckpoint());
  }

  /** "HEIGHT HEX" lines of a headers file. */
  public synchronized List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Long, BlockHeader> e : headers.entrySet())
      lines.add(e.getKey() + " " + HexFormat.of().formatHex(e.getValue().bytes()));
    return lines;
  }

  /** Mines a header meeting {@code bits}'s target (any nonce that works). */
  public static BlockHeader mine(byte[] previousHash, byte[] merkleRoot, long time, int bits) {
    for (int nonce = 0; ; nonce++) {
      BlockHeader h = header(previousHash, merkleRoot, time, bits, nonce);
      if (h.checkProofOfWork()) return h;
    }
  }

  /** A header as given, mined or not. */
  public static BlockHeader header(
      byte[] previousHash, byte[] merkleRoot, long time, int bits, int nonce) {
    ByteBuffer b = ByteBuffer.allocate(BlockHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x20000000)
        .put(previousHash)
        .put(merkleRoot)
        .putInt((int) time)
        .putInt(bits)
        .putInt(nonce);
    return BlockHeader.parse(b.array());
  }

  private static byte[] root(long height) {
    byte[] r = new byte[32];
    ByteBuffer.wrap(r).putLong(height).putLong(0x5eedL);
    return r;
  }
}
