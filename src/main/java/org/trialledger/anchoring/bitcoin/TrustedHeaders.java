package org.trialledger.anchoring.bitcoin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The block hashes a verifier starts from instead of trusting a node: one full header per
 * difficulty period as bitcoinj publishes them ({@code org.bitcoin.production.checkpoints.txt} from
 * {@code org.bitcoinj:bitcoinj-core} on Maven Central, unpacked beside this class at build time),
 * plus any {@link Checkpoint} the user adds from a source they trust. Everything else must link to
 * these through {@link HeaderChain}.
 */
public final class TrustedHeaders {
  /** A block the user vouches for: {@code HEIGHT:HASH}, the hash as explorers show it. */
  public record Checkpoint(long height, String hash) {
    public Checkpoint {
      if (height < 0) throw new IllegalArgumentException("a checkpoint height is not negative");
      if (!hash.matches("[0-9a-fA-F]{64}"))
        throw new IllegalArgumentException("a checkpoint hash is 64 hex digits, got " + hash);
      hash = hash.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code HEIGHT:HASH}. */
    public static Checkpoint parse(String text) {
      int colon = text.indexOf(':');
      if (colon < 0) throw new IllegalArgumentException("a checkpoint is HEIGHT:HASH, got " + text);
      try {
        return new Checkpoint(
            Long.parseLong(text.substring(0, colon).strip()), text.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a checkpoint height is a whole number, got " + text);
      }
    }
  }

  private final NetworkParameters net;
  private final NavigableMap<Long, BlockHeader> headers;
  private final NavigableMap<Long, BigInteger> chainWork;
  private final NavigableMap<Long, String> hashes;

  private TrustedHeaders(
      NetworkParameters net,
      NavigableMap<Long, BlockHeader> headers,
      NavigableMap<Long, BigInteger> chainWork,
      NavigableMap<Long, String> hashes) {
    this.net = net;
    this.headers = Collections.unmodifiableNavigableMap(headers);
    this.chainWork = Collections.unmodifiableNavigableMap(chainWork);
    this.hashes = Collections.unmodifiableNavigableMap(hashes);
  }

  /** The network's published trusted headers (none for the test network). */
  public static TrustedHeaders of(NetworkParameters net) {
    if (net.trustedResource().isEmpty())
      return new TrustedHeaders(net, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    String name = net.trustedResource().get();
    try (InputStream in = TrustedHeaders.class.getResourceAsStream(name)) {
      if (in == null)
        throw new IllegalStateException(
            "the trusted headers " + name + " are missing from the class path (see README)");
      return parseBitcoinj(net, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the trusted headers " + name, e);
    }
  }

  /**
   * Reads bitcoinj's text checkpoint format: {@code TXT CHECKPOINTS 1}, the number of signatures
   * and the signatures, the number of blocks, then one base64 line per block: chain work (12 bytes,
   * or 32 in the newer form), height (4 bytes, big-endian) and the 80-byte header. Each header must
   * start a difficulty period and carry valid proof of work, and the chain work must grow by
   * exactly a period's work at each step, so a damaged file is refused rather than half-trusted.
   */
  public static TrustedHeaders parseBitcoinj(NetworkParameters net, InputStream in)
      throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    if (!"TXT CHECKPOINTS 1".equals(r.readLine()))
      throw new IllegalArgumentException("not a bitcoinj text checkpoints file");
    int signatures = Integer.parseInt(r.readLine().strip());
    for (int i = 0; i < signatures; i++) r.readLine();
    int count = Integer.parseInt(r.readLine().strip());
    TreeMap<Long, BlockHeader> headers = new TreeMap<>();
    TreeMap<Long, BigInteger> work = new TreeMap<>();
    TreeMap<Long, String> hashes = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String line = r.readLine();
      if (line == null) throw new IllegalArgumentException("the file ends after " + i + " blocks");
      byte[] b = Base64.getDecoder().decode(line.strip());
      int workSize = b.length - 4 - BlockHeader.SIZE;
      if (workSize != 12 && workSize != 32)
        throw new IllegalArgumentException("block " + i + " has " + b.length + " bytes");
      BigInteger chainWork = new BigInteger(1, Arrays.copyOfRange(b, 0, workSize));
      long height = Integer.toUnsignedLong(ByteBuffer.wrap(b, workSize, 4).getInt());
      BlockHeader h = BlockHeader.parse(Arrays.copyOfRange(b, workSize + 4, b.length));
      check(net, height, h, chainWork, headers.lastEntry(), work);
      headers.put(height, h);
      work.put(height, chainWork);
      hashes.put(height, h.blockHashHex());
    }
    return new TrustedHeaders(net, headers, work, hashes);
  }

  private static void check(
      NetworkParameters net,
      long height,
      BlockHeader h,
      BigInteger chainWork,
      Map.Entry<Long, BlockHeader> last,
      Map<Long, BigInteger> work) {
    String where = "trusted header at " + height;
    if (height % net.interval() != 0)
      throw new IllegalArgumentException(where + " does not start a difficulty period");
    if (last != null && height <= last.getKey())
      throw new IllegalArgumentException(where + " is out of order");
    if (BlockHeader.targetOf(h.bits()).compareTo(net.powLimit()) > 0 || !h.checkProofOfWork())
      throw new IllegalArgumentException(where + " has no valid proof of work");
    if (last != null && last.getKey() == height - net.interval()) {
      // chain work counts every block up to and including this one: the previous period's
      // blocks after its first all carry its bits, then this block its own
      BigInteger periodWork =
          Difficulty.work(last.getValue().bits())
              .multiply(BigInteger.valueOf(net.interval() - 1))
              .add(Difficulty.work(h.bits()));
      if (!work.get(last.getKey()).add(periodWork).equals(chainWork))
        throw new IllegalArgumentException(where + ": its chain work is not the period's work");
    }
  }

  /**
   * These headers and one more trusted block. A conflicting hash at a trusted height is refused.
   */
  public TrustedHeaders withCheckpoint(Checkpoint c) {
    String known = hashes.get(c.height());
    if (known != null && !known.equals(c.hash()))
      throw new IllegalArgumentException(
          "checkpoint " + c.height() + ":" + c.hash() + " contradicts the trusted block " + known);
    TreeMap<Long, String> more = new TreeMap<>(hashes);
    more.put(c.height(), c.hash());
    return new TrustedHeaders(net, new TreeMap<>(headers), new TreeMap<>(chainWork), more);
  }

  public TrustedHeaders withCheckpoints(List<Checkpoint> checkpoints) {
    TrustedHeaders t = this;
    for (Checkpoint c : checkpoints) t = t.withCheckpoint(c);
    return t;
  }

  public NetworkParameters network() {
    return net;
  }

  /** The full header at a trusted height, where the published data has one. */
  public Optional<BlockHeader> header(long height) {
    return Optional.ofNullable(headers.get(height));
  }

  /** The trusted hash at a height (from the published headers or a checkpoint). */
  public Optional<String> hash(long height) {
    return Optional.ofNullable(hashes.get(height));
  }

  /** Every trusted full header, by height. */
  public NavigableMap<Long, BlockHeader> headers() {
    return headers;
  }

  /** Every trusted hash, by height. */
  public NavigableMap<Long, String> hashes() {
    return hashes;
  }

  /** The chain work up to and including a trusted header, as published. */
  public Optional<BigInteger> chainWork(long height) {
    return Optional.ofNullable(chainWork.get(height));
  }
}
