package org.trialledger.anchoring.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialledger.anchoring.ots.AttestationResult;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.ledger.Vectors;

/**
 * The trusted mainnet headers the build takes from bitcoinj's published checkpoints, checked
 * against Bitcoin's rules and against Electrum's independent data; and what they let a verifier
 * accept and refuse.
 */
class TrustedHeadersTest {
  static final NetworkParameters MAIN = NetworkParameters.MAINNET;
  static TrustedHeaders trusted;

  /**
   * How far the last block of a period may be from the next period's first block, in seconds. The
   * published data has only each period's first block, so the rule's input (the previous period's
   * last block time) is known up to this margin; measured maximum on the real data: see the test.
   */
  static final long SLACK = 2 * 3600;

  @BeforeAll
  static void load() {
    trusted = TrustedHeaders.of(MAIN);
  }

  @Test
  void theTrustedHeadersLoadFromTheirResourceOnePerPeriodWithValidProofOfWork() {
    assertEquals(436, trusted.headers().size());
    assertEquals(2016L, trusted.headers().firstKey());
    assertEquals(878_976L, trusted.headers().lastKey());
    for (Map.Entry<Long, BlockHeader> e : trusted.headers().entrySet()) {
      assertEquals(0, e.getKey() % 2016);
      BlockHeader h = e.getValue();
      assertTrue(h.checkProofOfWork(MAIN.powLimit()), "header " + e.getKey());
      assertTrue(h.blockHashHex().startsWith("00000000"), "header " + e.getKey());
    }
  }

  @Test
  void eachPeriodsTargetFollowsFromThePreviousByTheDifficultyRule() {
    long worst = 0;
    List<Map.Entry<Long, BlockHeader>> all = new ArrayList<>(trusted.headers().entrySet());
    for (int i = 1; i < all.size(); i++) {
      BlockHeader first = all.get(i - 1).getValue();
      BlockHeader next = all.get(i).getValue();
      assertEquals(all.get(i - 1).getKey() + 2016, all.get(i).getKey());
      // the rule reads the previous period's last block time, which sits just before next's
      long approx = next.timeSeconds() - first.timeSeconds();
      long off = distanceToRule(first.bits(), next.bits(), approx);
      assertTrue(
          off <= SLACK,
          "period at " + all.get(i).getKey() + ": no timespan within the margin gives its bits");
      worst = Math.max(worst, off);
    }
    System.out.println("trusted periods: largest distance to an exact retarget " + worst + " s");
  }

  /**
   * How far (seconds) from {@code approx} the nearest timespan is whose retarget gives exactly
   * {@code nextBits}; {@code Long.MAX_VALUE} if none in the clamp range does.
   */
  static long distanceToRule(int bits, int nextBits, long approx) {
    BigInteger wanted = BlockHeader.targetOf(nextBits);
    long lo = MAIN.targetTimespanSeconds() / 4 - 1;
    long hi = MAIN.targetTimespanSeconds() * 4 + 1;
    // the retarget is monotonic in the timespan: find the smallest timespan reaching the target
    long a = lo;
    long b = hi;
    while (a < b) {
      long m = (a + b) / 2;
      if (BlockHeader.targetOf(Difficulty.retarget(MAIN, bits, m)).compareTo(wanted) >= 0) b = m;
      else a = m + 1;
    }
    if (Difficulty.retarget(MAIN, bits, a) != nextBits) return Long.MAX_VALUE;
    long first = a;
    long last = a;
    a = first;
    b = hi;
    while (a < b) {
      long m = (a + b + 1) / 2;
      if (Difficulty.retarget(MAIN, bits, m) == nextBits) a = m;
      else b = m - 1;
    }
    last = a;
    // clamped or capped ends reach beyond the clamp range
    if (last >= MAIN.targetTimespanSeconds() * 4 || nextBits == MAIN.powLimitBits())
      last = Long.MAX_VALUE / 2;
    if (first <= MAIN.targetTimespanSeconds() / 4) first = Long.MIN_VALUE / 2;
    if (approx < first) return first - approx;
    if (approx > last) return approx - last;
    return 0;
  }

  @Test
  void theChainWorkGrowsByEachPeriodsWork() {
    List<Map.Entry<Long, BlockHeader>> all = new ArrayList<>(trusted.headers().entrySet());
    for (int i = 1; i < all.size(); i++) {
      long h = all.get(i).getKey();
      BigInteger step =
          trusted.chainWork(h).orElseThrow().subtract(trusted.chainWork(h - 2016).orElseThrow());
      assertEquals(
          Difficulty.work(all.get(i - 1).getValue().bits())
              .multiply(BigInteger.valueOf(2015))
              .add(Difficulty.work(all.get(i).getValue().bits())),
          step,
          "period before " + h);
    }
  }

  @Test
  void theyAgreeWithElectrumWhereBothHaveAPeriod() throws Exception {
    JsonArray electrum;
    try (JsonReader r =
        Json.createReader(
            Files.newBufferedReader(Vectors.dir("bitcoin").resolve("electrum-checkpoints.json")))) {
      electrum = r.readArray();
    }
    assertEquals(371, electrum.size());
    int compared = 0;
    for (int i = 0; i < electrum.size(); i++) {
      long nextPeriod = (i + 1) * 2016L;
      BlockHeader h = trusted.header(nextPeriod).orElse(null);
      if (h == null) continue;
      JsonArray entry = electrum.getJsonArray(i);
      assertEquals(
          entry.getString(0),
          HexFormat.of().formatHex(BlockHeader.reversed(h.previousBlockHash())),
          "the last block of period " + i);
      assertEquals(
          entry.getJsonNumber(1).bigIntegerValueExact(),
          BlockHeader.targetOf(h.bits()),
          "the target from " + nextPeriod);
      compared++;
    }
    assertEquals(371, compared);
  }

  @Test
  void aDamagedTrustedFileIsRefusedNotHalfTrusted() throws Exception {
    List<String> lines = resourceLines();
    // a changed header byte (its proof of work breaks), a changed chain work, a missing line
    byte[] block = Base64.getDecoder().decode(lines.get(100));
    byte[] badHeader = block.clone();
    badHeader[12 + 4 + 40] ^= 1;
    byte[] badWork = block.clone();
    badWork[11] ^= 1;
    for (byte[] bad : List.of(badHeader, badWork)) {
      List<String> damaged = new ArrayList<>(lines);
      damaged.set(100, Base64.getEncoder().encodeToString(bad));
      assertThrows(IllegalArgumentException.class, () -> parse(damaged));
    }
    List<String> truncated = new ArrayList<>(lines.subList(0, lines.size() - 1));
    assertThrows(IllegalArgumentException.class, () -> parse(truncated));
    assertEquals(436, parse(lines).headers().size());
  }

  @Test
  void aMinimumDifficultyHeaderAfterATrustedPeriodIsRefusedByTheDifficultyRule() {
    for (long height : new long[] {878_977L, 358_849L}) {
      BlockHeader parent = trusted.header(height - 1).orElseThrow();
      // bits = 0x1d00ffff: easy enough to mine on a laptop, and not what the rule gives there
      BlockHeader forged =
          SyntheticChain.header(
              parent.hashInternalOrder(), new byte[32], parent.timeSeconds() + 600, 0x1d00ffff, 0);
      HeaderChain chain = HeaderChain.build(trusted, Map.of(height, forged));
      assertTrue(chain.header(height).isEmpty());
      assertTrue(
          chain.refused().get(height).contains("do not follow the difficulty rule"),
          chain.refused().get(height));
    }
  }

  @Test
  void theTrustedHeadersAloneConfirmAnAttestationAtAPeriodStart() {
    HeaderChain chain = HeaderChain.trustedOnly(trusted);
    BlockHeader h = trusted.header(358_848L).orElseThrow();
    assertTrue(chain.confirms(358_848L, h.merkleRoot()));
    assertFalse(chain.confirms(358_848L, new byte[32]));
    assertFalse(chain.confirms(358_849L, h.merkleRoot()));
  }

  @Test
  void helloWorldVerifiesAtBlock358391WithItsCheckpoint() throws Exception {
    VerificationReport report = helloWorld(BlockHeaderTest.HASH_358391);
    assertTrue(report.isConfirmed(), report.toString());
    AttestationResult.BitcoinVerified b = report.earliestBitcoin().orElseThrow();
    assertEquals(358391L, b.height());
    assertEquals(BlockHeaderTest.HASH_358391, b.blockHash());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2318", // one digit changed
        "000000000000000004b62cd2ddd6d0a45fb1dba4d8f1d0ccd19f59b9bd7a0b8d", // another block's
        "0000000000000000000000000000000000000000000000000000000000000000",
        "none" // no checkpoint at all: the header links to nothing trusted
      })
  void helloWorldFailsWithAnyOtherHash(String hash) throws Exception {
    VerificationReport report = helloWorld(hash);
    assertFalse(report.isConfirmed(), hash);
    AttestationResult.BitcoinFailed f = report.bitcoinFailed().get(0);
    assertEquals(AttestationResult.Failure.NO_HEADER, f.failure());
    assertTrue(f.detail().contains("358391"), f.detail());
  }

  private static VerificationReport helloWorld(String hash) throws Exception {
    TrustedHeaders t =
        hash.equals("none")
            ? trusted
            : trusted.withCheckpoint(new TrustedHeaders.Checkpoint(358391, hash));
    HeaderChain chain =
        HeaderChain.build(
            t, HeadersFile.load(Vectors.dir("ots").resolve("bitcoin-headers.txt")).headers());
    DetachedTimestampFile proof =
        DetachedTimestampFile.parse(
            Files.readAllBytes(Vectors.dir("ots").resolve("hello-world.txt.ots")));
    return new TimestampVerifier(chain)
        .verifyFile(proof, Files.readAllBytes(Vectors.dir("ots").resolve("hello-world.txt")));
  }

  @Test
  void aCheckpointContradictingTheTrustedDataIsRefused() {
    String other = "00000000000000000000000000000000000000000000000000000000000000aa";
    assertThrows(
        IllegalArgumentException.class,
        () -> trusted.withCheckpoint(new TrustedHeaders.Checkpoint(2016, other)));
  }

  private static List<String> resourceLines() throws Exception {
    try (InputStream in =
        TrustedHeaders.class.getResourceAsStream("org.bitcoin.production.checkpoints.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
  }

  private static TrustedHeaders parse(List<String> lines) throws Exception {
    return TrustedHeaders.parseBitcoinj(
        MAIN,
        new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII)));
  }
}
