package org.trialledger.anchoring.bitcoin;

import java.math.BigInteger;

/**
 * Bitcoin Core's difficulty adjustment ({@code CalculateNextWorkRequired}) and compact target
 * encoding ({@code GetCompact}), without the testnet minimum-difficulty exception: a block's bits
 * are its predecessor's, except at the first block of each period, where the previous target is
 * scaled by how long the previous period took (its last block's time minus its first's), clamped to
 * a quarter and four times the target timespan, and capped at the pow limit.
 */
public final class Difficulty {
  private Difficulty() {}

  /**
   * The bits a block at {@code height} must carry.
   *
   * @param previous the header at {@code height − 1}
   * @param firstOfPreviousPeriod the header at {@code height − interval}; read only at a retarget
   */
  public static int expectedBits(
      NetworkParameters net, long height, BlockHeader previous, BlockHeader firstOfPreviousPeriod) {
    if (height % net.interval() != 0) return previous.bits();
    long timespan = previous.timeSeconds() - firstOfPreviousPeriod.timeSeconds();
    return retarget(net, previous.bits(), timespan);
  }

  /** The bits of a new period from the previous period's bits and its measured timespan. */
  public static int retarget(NetworkParameters net, int previousBits, long actualTimespan) {
    long min = net.targetTimespanSeconds() / 4;
    long max = net.targetTimespanSeconds() * 4;
    long clamped = Math.max(min, Math.min(max, actualTimespan));
    BigInteger target =
        BlockHeader.targetOf(previousBits)
            .multiply(BigInteger.valueOf(clamped))
            .divide(BigInteger.valueOf(net.targetTimespanSeconds()));
    if (target.compareTo(net.powLimit()) > 0) target = net.powLimit();
    return compactOf(target);
  }

  /** Bitcoin's compact encoding of a non-negative target (mantissa truncated to 3 bytes). */
  public static int compactOf(BigInteger target) {
    if (target.signum() < 0) throw new IllegalArgumentException("negative target");
    int size = (target.bitLength() + 7) / 8;
    long mantissa =
        size <= 3
            ? target.longValue() << (8 * (3 - size))
            : target.shiftRight(8 * (size - 3)).longValue();
    // the mantissa's top bit is a sign bit: move a set one into the exponent
    if ((mantissa & 0x00800000L) != 0) {
      mantissa >>= 8;
      size++;
    }
    return (int) (mantissa | ((long) size << 24));
  }

  /** The expected number of hashes to find a block at this target: 2^256 / (target + 1). */
  public static BigInteger work(int bits) {
    BigInteger target = BlockHeader.targetOf(bits);
    return BigInteger.ONE.shiftLeft(256).divide(target.add(BigInteger.ONE));
  }
}
