package org.trialledger.anchoring.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bitcoin's header rules on synthetic chains mined with the test network's parameters (the same
 * code as mainnet), and the difficulty rule on Bitcoin Core's own test cases.
 */
class ChainValidatorTest {
  static final NetworkParameters NET = NetworkParameters.TEST;

  /** Five periods: on time, slow (capped at the limit), fast, very fast (clamped), on time. */
  static SyntheticChain varyingChain() {
    SyntheticChain c = new SyntheticChain(160, 1_700_000_000L);
    long[] spacings = {600, 2400, 300, 20, 600};
    for (long spacing : spacings) for (int i = 0; i < NET.interval(); i++) c.extend(spacing);
    return c;
  }

  @Test
  void aChainMinedByTheRulesIsAcceptedFromItsCheckpointAcrossRetargets() {
    SyntheticChain c = varyingChain();
    HeaderChain chain = HeaderChain.build(c.trusted(), c.headers());
    assertEquals(Map.of(), chain.refused());
    assertEquals(c.headers().size(), chain.accepted().size());
    // the retargets happened: a faster period makes the next one harder
    int bitsAfterFast = c.at(160 + 3 * NET.interval()).bits();
    int bitsAfterVeryFast = c.at(160 + 4 * NET.interval()).bits();
    assertTrue(
        BlockHeader.targetOf(bitsAfterVeryFast).compareTo(BlockHeader.targetOf(bitsAfterFast)) < 0);
    assertEquals(
        Difficulty.retarget(NET, bitsAfterFast, NET.targetTimespanSeconds() / 4),
        bitsAfterVeryFast,
        "a period 30 times too fast is clamped to a quarter of the target");
    assertEquals(
        NET.powLimitBits(), c.at(160 + 2 * NET.interval()).bits(), "a slow period: the limit");
  }

  @Test
  void withoutATrustedStartNothingIsAccepted() {
    SyntheticChain c = new SyntheticChain(0, 1_700_000_000L).extendBy(20);
    HeaderChain chain = HeaderChain.build(TrustedHeaders.of(NET), c.headers());
    assertEquals(0, chain.accepted().size());
    assertTrue(chain.refused().get(5L).contains("do not link to a trusted block"));
    assertTrue(chain.header(5).isEmpty());
    assertTrue(chain.whyMissing(5).contains("refused"), chain.whyMissing(5));
  }

  @Test
  void aCheckpointInTheMiddleTrustsTheHeadersBeforeItByTheirLinks() {
    SyntheticChain c = new SyntheticChain(0, 1_700_000_000L).extendBy(40);
    TrustedHeaders trusted =
        TrustedHeaders.of(NET)
            .withCheckpoint(new TrustedHeaders.Checkpoint(25, c.at(25).blockHashHex()));
    HeaderChain chain = HeaderChain.build(trusted, c.headers());
    assertEquals(Map.of(), chain.refused());
    assertEquals(41, chain.accepted().size());
  }

  @Test
  void aCheckpointContradictingTheHeadersRefusesThem() {
    SyntheticChain c = new SyntheticChain(0, 1_700_000_000L).extendBy(20);
    SyntheticChain other = new SyntheticChain(0, 1_700_000_001L).extendBy(20);
    HeaderChain chain =
        HeaderChain.build(
            TrustedHeaders.of(NET)
                .withCheckpoint(new TrustedHeaders.Checkpoint(10, other.at(10).blockHashHex())),
            c.headers());
    assertEquals(0, chain.accepted().size());
    assertTrue(chain.refused().get(10L).contains("is not the trusted block"));
  }

  /** One header of a valid chain replaced; it and everything after it must be refused. */
  static Stream<Arguments> forgeries() {
    return Stream.of(
        Arguments.of(
            "minimum difficulty at a retarget",
            208L,
            "difficulty rule",
            (Forge) (c, h) -> c.remine(h, b -> b.bits(NET.powLimitBits()))),
        Arguments.of(
            "minimum difficulty within a period",
            210L,
            "difficulty rule",
            (Forge) (c, h) -> c.remine(h, b -> b.bits(NET.powLimitBits()))),
        Arguments.of(
            "an easier target than the rule gives",
            212L,
            "difficulty rule",
            (Forge) (c, h) -> c.remine(h, b -> b.bits(c.at(h).bits() + 1))),
        Arguments.of(
            "a retarget past the 4× clamp (a period 32 times too fast)",
            224L,
            "difficulty rule",
            (Forge) (c, h) -> c.remine(h, b -> b.bits(c.unclampedBits(h)))),
        Arguments.of("no proof of work", 213L, "proof of work", (Forge) (c, h) -> c.unmined(h)),
        Arguments.of(
            "time not above the median of the previous 11",
            214L,
            "median",
            (Forge) (c, h) -> c.remine(h, b -> b.time(c.at(h - 6).timeSeconds()))),
        Arguments.of(
            "a header from another chain",
            215L,
            "link",
            (Forge) (c, h) -> c.remine(h, b -> b.previous(new byte[32]))));
  }

  @FunctionalInterface
  interface Forge {
    BlockHeader forge(Forgery chain, long height);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void aForgedHeaderAndEverythingAfterItAreRefused(
      String what, long height, String reason, Forge forge) {
    SyntheticChain c = varyingChain();
    TreeMap<Long, BlockHeader> given = new TreeMap<>(c.headers());
    BlockHeader forged = forge.forge(new Forgery(c), height);
    assertNotEquals(c.at(height), forged);
    given.put(height, forged);
    HeaderChain chain = HeaderChain.build(c.trusted(), given);
    assertTrue(chain.refused().containsKey(height), what);
    assertTrue(chain.refused().get(height).contains(reason), chain.refused().get(height));
    assertTrue(chain.header(height).isEmpty());
    assertTrue(chain.header(height + 1).isEmpty(), "the headers after it are refused too");
    assertEquals(c.at(height - 1), chain.header(height - 1).orElseThrow());
  }

  /**
   * A real block may be older than its predecessor as long as it is above the median of the eleven
   * before it: just after a trusted header those eleven are not all at hand, and a median of fewer
   * must not refuse it.
   */
  @Test
  void aBlockOlderThanItsTrustedPredecessorIsAcceptedWhenTheMedianAllowsIt() {
    SyntheticChain c = new SyntheticChain(0, 1_700_000_000L).extendBy(32);
    c.extend(-1); // block 33: a second before block 32, far above the median of 22..32
    c.extendBy(5);
    assertEquals(Map.of(), HeaderChain.build(c.trusted(), c.headers()).refused());
    TrustedHeaders at32 =
        TrustedHeaders.of(NET)
            .withCheckpoint(new TrustedHeaders.Checkpoint(32, c.at(32).blockHashHex()));
    HeaderChain fromPeriodStart = HeaderChain.build(at32, c.headers().tailMap(32L, true));
    assertEquals(Map.of(), fromPeriodStart.refused());
    assertEquals(c.at(38), fromPeriodStart.header(38).orElseThrow());
  }

  /** With the eleven at hand, a block at or below their median is refused (the rule's edge). */
  @Test
  void theMedianOfTheElevenBeforeIsTheLimit() {
    SyntheticChain c = new SyntheticChain(0, 1_700_000_000L).extendBy(30);
    long median = c.at(25).timeSeconds(); // times rise: the median of 20..30 is block 25's
    Forgery f = new Forgery(c);
    TreeMap<Long, BlockHeader> atMedian = new TreeMap<>(c.headers());
    atMedian.put(31L, f.remineNext(b -> b.time(median)));
    assertTrue(
        HeaderChain.build(c.trusted(), atMedian).refused().get(31L).contains("median"),
        "equal to the median is not above it");
    TreeMap<Long, BlockHeader> above = new TreeMap<>(c.headers());
    above.put(31L, f.remineNext(b -> b.time(median + 1)));
    assertEquals(Map.of(), HeaderChain.build(c.trusted(), above).refused());
  }

  @Test
  void aRetargetNeedsTheFirstHeaderOfThePreviousPeriod() {
    SyntheticChain c = new SyntheticChain(0, 1_700_000_000L).extendBy(40);
    TreeMap<Long, BlockHeader> given = new TreeMap<>(c.headers().tailMap(20L, true));
    TrustedHeaders trusted =
        TrustedHeaders.of(NET)
            .withCheckpoint(new TrustedHeaders.Checkpoint(20, c.at(20).blockHashHex()));
    HeaderChain chain = HeaderChain.build(trusted, given);
    assertEquals(31, chain.accepted().lastKey());
    assertTrue(chain.refused().get(32L).contains("header at 16 is needed"));
  }

  /** Bitcoin Core's src/test/pow_tests.cpp: the mainnet retarget from a period's timestamps. */
  @ParameterizedTest(name = "0x{0} over {1} s → 0x{2}")
  @MethodSource("bitcoinCorePowTests")
  void theDifficultyRuleMatchesBitcoinCore(String bits, long timespan, String expected) {
    assertEquals(
        Integer.parseUnsignedInt(expected, 16),
        Difficulty.retarget(
            NetworkParameters.MAINNET, Integer.parseUnsignedInt(bits, 16), timespan));
  }

  static Stream<Arguments> bitcoinCorePowTests() {
    return Stream.of(
        // get_next_work: heights 30240..32255
        Arguments.of("1d00ffff", 1262152739L - 1261130161L, "1d00d86a"),
        // get_next_work_pow_limit: the first period took longer than two weeks
        Arguments.of("1d00ffff", 1233061996L - 1231006505L, "1d00ffff"),
        // get_next_work_lower_limit_actual: a quarter at most
        Arguments.of("1c05a3f4", 1279297671L - 1279008237L, "1c0168fd"),
        // get_next_work_upper_limit_actual: four times at most
        Arguments.of("1c387f6f", 1269211443L - 1263163443L, "1d00e1fd"));
  }

  @Test
  void compactEncodingRoundTripsAndNormalisesLikeBitcoinCore() {
    assertEquals(0x01120000, Difficulty.compactOf(BigInteger.valueOf(0x12)));
    assertEquals(0x02008000, Difficulty.compactOf(BigInteger.valueOf(0x80)));
    assertEquals(0x05009234, Difficulty.compactOf(BlockHeader.targetOf(0x05009234)));
    assertEquals(0x04123456, Difficulty.compactOf(BlockHeader.targetOf(0x04123456)));
    assertEquals(0x1d00ffff, NetworkParameters.MAINNET.powLimitBits());
    assertEquals(0x207fffff, NetworkParameters.TEST.powLimitBits());
    assertEquals(0, Difficulty.compactOf(BigInteger.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> Difficulty.compactOf(BigInteger.ONE.negate()));
  }

  @Test
  void checkpointsAreParsedStrictly() {
    TrustedHeaders.Checkpoint c =
        TrustedHeaders.Checkpoint.parse("358391:" + BlockHeaderTest.HASH_358391.toUpperCase());
    assertEquals(358391, c.height());
    assertEquals(BlockHeaderTest.HASH_358391, c.hash());
    for (String bad :
        new String[] {"358391", "x:00", "-1:" + "0".repeat(64), "1:" + "0".repeat(63)})
      assertThrows(IllegalArgumentException.class, () -> TrustedHeaders.Checkpoint.parse(bad), bad);
  }

  /** Re-mines one header of a chain with a field changed (so only the rule under test fails). */
  static final class Forgery {
    final SyntheticChain chain;

    Forgery(SyntheticChain chain) {
      this.chain = chain;
    }

    BlockHeader at(long h) {
      return chain.at(h);
    }

    BlockHeader remine(long height, UnaryOperator<Fields> change) {
      BlockHeader h = chain.at(height);
      Fields f =
          change.apply(
              new Fields(h.previousBlockHash(), h.merkleRoot(), h.timeSeconds(), h.bits()));
      return SyntheticChain.mine(f.previous, f.root, f.time, f.bits);
    }

    /** A header on top of the tip, ten minutes later unless {@code change} says otherwise. */
    BlockHeader remineNext(UnaryOperator<Fields> change) {
      BlockHeader tip = chain.at(chain.tipHeight());
      Fields f =
          change.apply(
              new Fields(
                  tip.hashInternalOrder(), new byte[32], tip.timeSeconds() + 600, tip.bits()));
      return SyntheticChain.mine(f.previous, f.root, f.time, f.bits);
    }

    /** The bits a retarget at {@code height} would give without the 4× clamp. */
    int unclampedBits(long height) {
      long timespan =
          chain.at(height - 1).timeSeconds() - chain.at(height - NET.interval()).timeSeconds();
      BigInteger target =
          BlockHeader.targetOf(chain.at(height - 1).bits())
              .multiply(BigInteger.valueOf(timespan))
              .divide(BigInteger.valueOf(NET.targetTimespanSeconds()));
      return Difficulty.compactOf(target);
    }

    BlockHeader unmined(long height) {
      BlockHeader h = chain.at(height);
      for (int nonce = 0; ; nonce++) {
        BlockHeader u =
            SyntheticChain.header(
                h.previousBlockHash(), h.merkleRoot(), h.timeSeconds(), h.bits(), nonce);
        if (!u.checkProofOfWork()) return u;
      }
    }
  }

  record Fields(byte[] previous, byte[] root, long time, int bits) {
    Fields bits(int b) {
      return new Fields(previous, root, time, b);
    }

    Fields time(long t) {
      return new Fields(previous, root, t, bits);
    }

    Fields previous(byte[] p) {
      return new Fields(p, root, time, bits);
    }
  }
}
