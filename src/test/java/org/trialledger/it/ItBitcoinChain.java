package org.trialledger.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.anchoring.bitcoin.SyntheticChain;
import org.trialledger.anchoring.calendar.FakeCalendar;
import org.trialledger.anchoring.headersource.FakeChainServer;

/**
 * The Bitcoin chain (test network) that the integration tests' calendars confirm in, one per test
 * JVM, and the header sources the server is configured with in pom.xml: a Bitcoin Core RPC on
 * 18571, an Esplora on 18572, and an Esplora on 18573 that lies (a header off the chain just after
 * the trusted block), all on loopback. (The chain stays at the test network's minimum difficulty,
 * so a minimum-difficulty lie is tested in HeaderQuorumTest, where the target has moved.) The first
 * block is the checkpoint pom.xml trusts.
 */
final class ItBitcoinChain {
  static final long START = 899_984;

  /** The hash of the first block, as {@code TRIALLEDGER_ANCHORING_CHECKPOINTS} in pom.xml. */
  static final String START_HASH =
      "3c63d2aa4016c2aff894e3971503db374c465e7b0878cd9e7f71f949ada54290";

  static final SyntheticChain CHAIN = new SyntheticChain(START, 1_780_000_000L);
  static final String CORE = "Bitcoin Core http://127.0.0.1:18571/";
  static final String ESPLORA = "Esplora http://127.0.0.1:18572";
  static final String LIAR = "Esplora http://127.0.0.1:18573";
  private static boolean started;

  private ItBitcoinChain() {}

  /** Starts the three sources once per JVM (they serve {@link #CHAIN} as it grows). */
  static synchronized void startSources() throws IOException {
    if (!CHAIN.at(START).blockHashHex().equals(START_HASH))
      throw new IllegalStateException("pom.xml's checkpoint no longer matches the test chain");
    if (started) return;
    FakeChainServer.start(FakeChainServer.Kind.BITCOIN_CORE, CHAIN, 18571);
    FakeChainServer.start(FakeChainServer.Kind.ESPLORA, CHAIN, 18572);
    FakeChainServer.start(FakeChainServer.Kind.ESPLORA, CHAIN, 18573)
        .lieAt(START + 1, FakeChainServer.Lie.OFF_CHAIN);
    started = true;
  }

  /**
   * Each calendar puts its pending commitments into the next block (twenty minutes apart, so the
   * test network's target stays at its limit); returns the heights.
   */
  static synchronized List<Long> confirm(List<FakeCalendar> calendars) {
    List<Long> heights = new ArrayList<>();
    for (FakeCalendar c : calendars) {
      long height = CHAIN.tipHeight() + 1;
      CHAIN.extend(1200, c.confirmRoot(height));
      heights.add(height);
    }
    return heights;
  }

  /** The whole chain as a headers file for the offline verifier. */
  static synchronized void writeHeaders(Path file) throws IOException {
    Files.write(file, CHAIN.lines());
  }

  static String checkpoint() {
    return START + ":" + START_HASH;
  }
}
