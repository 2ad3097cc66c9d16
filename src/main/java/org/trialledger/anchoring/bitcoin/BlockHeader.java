package org.trialledger.anchoring.bitcoin;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An 80-byte Bitcoin block header. Self-certifying: its double SHA-256 must meet the target its
 * {@code bits} encode, so a header from any configurable source is checked, not trusted
 * (docs/platform-notes.md §7).
 */
public final class BlockHeader {
  public static final int SIZE = 80;

  /** Mainnet's proof-of-work limit (compact 0x1d00ffff): no real block has an easier target. */
  public static final BigInteger MAINNET_POW_LIMIT = targetOf(0x1d00ffff);

  private final byte[] raw;

  private BlockHeader(byte[] raw) {
    this.raw = raw;
  }

  public static BlockHeader parse(byte[] bytes) {
    if (bytes.length != SIZE)
      throw new IllegalArgumentException("a block header is 80 bytes, got " + bytes.length);
    return new BlockHeader(bytes.clone());
  }

  public static BlockHeader fromHex(String hex) {
    return parse(HexFormat.of().parseHex(hex.trim()));
  }

  public byte[] bytes() {
    return raw.clone();
  }

  public int version() {
    return le().getInt(0);
  }

  /** The previous block's hash in internal byte order (as stored in the header). */
  public byte[] previousBlockHash() {
    return Arrays.copyOfRange(raw, 4, 36);
  }

  /** The merkle root in internal byte order: what a Bitcoin attestation's message must equal. */
  public byte[] merkleRoot() {
    return Arrays.copyOfRange(raw, 36, 68);
  }

  /** Block time, seconds since the epoch (unsigned 32-bit). */
  public long timeSeconds() {
    return Integer.toUnsignedLong(le().getInt(68));
  }

  public Instant time() {
    return Instant.ofEpochSecond(timeSeconds());
  }

  public int bits() {
    return le().getInt(72);
  }

  public int nonce() {
    return le().getInt(76);
  }

  /** Double SHA-256 of the header in internal byte order. */
  public byte[] hashInternalOrder() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return sha.digest(sha.digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The block hash as explorers show it (byte-reversed). */
  public String blockHashHex() {
    return HexFormat.of().formatHex(reversed(hashInternalOrder()));
  }

  /**
   * The target {@code bits} encode; zero for a negative or overflowing encoding (which no hash can
   * meet).
   */
  public BigInteger target() {
    return targetOf(bits());
  }

  /** The hash, read as a little-endian 256-bit number, is at most the target the header claims. */
  public boolean checkProofOfWork() {
    BigInteger target = target();
    return target.signum() > 0
        && new BigInteger(1, reversed(hashInternalOrder())).compareTo(target) <= 0;
  }

  /**
   * Proof of work against a chain's limit as well: without it a header with a trivial {@code bits}
   * (as regtest uses) would pass, and such a header can be mined on a laptop in milliseconds.
   */
  public boolean checkProofOfWork(BigInteger powLimit) {
    return target().compareTo(powLimit) <= 0 && checkProofOfWork();
  }

  /** Bitcoin's compact encoding: 1-byte exponent, 3-byte mantissa with a sign bit. */
  public static BigInteger targetOf(int bits) {
    int exponent = bits >>> 24;
    int mantissa = bits & 0x007fffff;
    if ((bits & 0x00800000) != 0 || mantissa == 0) return BigInteger.ZERO;
    BigInteger m = BigInteger.valueOf(mantissa);
    BigInteger t =
        exponent <= 3 ? m.shiftRight(8 * (3 - exponent)) : m.shiftLeft(8 * (exponent - 3));
    return t.bitLength() > 256 ? BigInteger.ZERO : t;
  }

  private ByteBuffer le() {
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }

  static byte[] reversed(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[b.length - 1 - i];
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader h && Arrays.equals(raw, h.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "BlockHeader[" + blockHashHex() + "]";
  }
}
