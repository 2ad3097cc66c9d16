package org.trialledger.anchoring.bitcoin;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * The consensus constants a header chain is checked with: the easiest target a block may have, how
 * many blocks a difficulty period holds and how long it should take. Mainnet and a test network for
 * synthetic chains go through the same {@link ChainValidator}; only these values differ.
 *
 * @param trustedResource the class-path resource with the network's trusted headers, if it has one
 */
public record NetworkParameters(
    String name,
    BigInteger powLimit,
    int interval,
    long targetTimespanSeconds,
    Optional<String> trustedResource) {

  /** Bitcoin Core's mainnet: pow limit 2^224 − 1 (compact 0x1d00ffff), 2016 blocks, two weeks. */
  public static final NetworkParameters MAINNET =
      new NetworkParameters(
          "mainnet",
          BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE),
          2016,
          14L * 24 * 60 * 60,
          Optional.of("org.bitcoin.production.checkpoints.txt"));

  /**
   * A test network: regtest's easy limit (compact 0x207fffff, about every other hash meets it) and
   * a 16-block period of ten-minute blocks, so tests mine whole chains across several retargets in
   * milliseconds. It has no trusted headers of its own: trust comes from checkpoints.
   */
  public static final NetworkParameters TEST =
      new NetworkParameters(
          "test",
          BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
          16,
          16L * 600,
          Optional.empty());

  /**
   * {@code mainnet} or {@code test} (also accepted: {@code regtest}, the name older settings used).
   */
  public static NetworkParameters named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "mainnet", "main", "" -> MAINNET;
      case "test", "regtest" -> TEST;
      default -> throw new IllegalArgumentException("unknown Bitcoin network: " + name);
    };
  }

  /** The compact encoding of the pow limit: the {@code bits} of a block at minimum difficulty. */
  public int powLimitBits() {
    return Difficulty.compactOf(powLimit);
  }
}
