package org.trialledger.anchoring.bitcoin;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The header check the verifier has today: a header from the given source counts if its hash meets
 * the target it states and that target is within the chain's limit. That proves work, not that the
 * header is on the chain with the most work: the source is trusted for that. A block hash pinned by
 * the user ({@code --checkpoint HEIGHT:HASH}) is stronger: the header at that height must hash to
 * it, whatever the source says.
 */
public final class ProofOfWorkHeaderCheck implements HeaderCheck {
  private final HeaderSource headers;
  private final BigInteger powLimit;
  private final Map<Long, String> pinned;
  private final String grounds;

  public ProofOfWorkHeaderCheck(HeaderSource headers, BigInteger powLimit) {
    this(headers, powLimit, Map.of());
  }

  /**
   * A check over a source that already vouches for its headers (a {@link HeaderChain} hands out
   * only headers linked to trusted ones): {@code grounds} says how, in every confirmation.
   */
  public static ProofOfWorkHeaderCheck over(
      HeaderSource headers, BigInteger powLimit, String grounds) {
    return new ProofOfWorkHeaderCheck(headers, powLimit, Map.of(), grounds);
  }

  /**
   * @param pinned block hashes (hex as explorers show them) the user vouches for, by height
   */
  public ProofOfWorkHeaderCheck(
      HeaderSource headers, BigInteger powLimit, Map<Long, String> pinned) {
    this(
        headers,
        powLimit,
        pinned,
        "proof of work valid; the headers given are trusted to be the main chain");
  }

  private ProofOfWorkHeaderCheck(
      HeaderSource headers, BigInteger powLimit, Map<Long, String> pinned, String grounds) {
    this.grounds = grounds;
    this.headers = headers;
    this.powLimit = powLimit;
    TreeMap<Long, String> copy = new TreeMap<>();
    pinned.forEach((h, hash) -> copy.put(h, hash.toLowerCase(Locale.ROOT)));
    this.pinned = copy;
  }

  /** A check with no headers at all: every block is MISSING unless a source is given. */
  public static ProofOfWorkHeaderCheck none() {
    return new ProofOfWorkHeaderCheck(h -> Optional.empty(), BlockHeader.MAINNET_POW_LIMIT);
  }

  @Override
  public Verdict confirm(long height) {
    Optional<BlockHeader> found = headers.header(height);
    String pin = pinned.get(height);
    if (found.isEmpty()) {
      return Verdict.missing(
          headers.whyMissing(height)
              + (pin == null ? "" : " (its hash is pinned, but the header is needed)"));
    }
    BlockHeader header = found.get();
    if (!header.checkProofOfWork(powLimit)) {
      return Verdict.refused(
          header,
          "header "
              + header.blockHashHex()
              + " at "
              + height
              + " does not meet its target or the chain's limit");
    }
    if (pin != null) {
      return pin.equals(header.blockHashHex())
          ? Verdict.confirmed(header, "block hash pinned with --checkpoint")
          : Verdict.refused(
              header,
              "the header at "
                  + height
                  + " hashes to "
                  + header.blockHashHex()
                  + ", not the pinned "
                  + pin);
    }
    return Verdict.confirmed(header, grounds);
  }

  /**
   * Parses {@code HEIGHT:HASH} as given to {@code --checkpoint}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Map.Entry<Long, String> parsePin(String s) {
    int colon = s.indexOf(':');
    if (colon < 0) throw new IllegalArgumentException("expected HEIGHT:HASH, got " + s);
    long height;
    try {
      height = Long.parseLong(s.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the height in " + s + " is not a whole number");
    }
    String hash = s.substring(colon + 1).toLowerCase(Locale.ROOT);
    if (height < 0 || hash.length() != 64 || !hash.chars().allMatch(HexFormat::isHexDigit))
      throw new IllegalArgumentException(
          "expected HEIGHT:HASH with a block hash of 64 hex digits, got " + s);
    return Map.entry(height, hash);
  }
}
