package org.trialledger.anchoring.headersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.SyntheticChain;
import org.trialledger.anchoring.headersource.FakeChainServer.Kind;
import org.trialledger.anchoring.headersource.FakeChainServer.Lie;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OpKind;
import org.trialledger.anchoring.ots.Timestamp;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;

/**
 * Header sources over real HTTP on loopback (a fake Bitcoin Core JSON-RPC and fake Esplora REST
 * servers) serving a synthetic test-network chain: an anchor confirms through them; a source that
 * lies is refused or outvoted, and named.
 */
class HeaderQuorumTest {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final long ANCHOR = 200;
  static final byte[] DIGEST = digest(42);

  SyntheticChain chain;
  final List<FakeChainServer> servers = new ArrayList<>();

  @BeforeEach
  void mineAChainWithTheAnchorInIt() {
    chain = new SyntheticChain(160, 1_700_000_000L).extendBy((int) (ANCHOR - 161));
    chain.extend(600, DIGEST);
    chain.extendBy(5);
  }

  @AfterEach
  void stop() {
    servers.forEach(FakeChainServer::close);
  }

  FakeChainServer start(Kind kind) throws Exception {
    FakeChainServer s = FakeChainServer.start(kind, chain);
    servers.add(s);
    return s;
  }

  static RemoteHeaderSource client(FakeChainServer s, Kind kind) {
    return kind == Kind.BITCOIN_CORE
        ? new BitcoinCoreRpc(s.uri(), TIMEOUT)
        : new EsploraRest(s.uri(), TIMEOUT);
  }

  HeaderQuorum quorum(int required, RemoteHeaderSource... sources) {
    return new HeaderQuorum(chain.trusted(), List.of(sources), required, Clock.systemUTC());
  }

  static VerificationReport anchor(HeaderQuorum q) {
    DetachedTimestampFile proof =
        new DetachedTimestampFile(
            OpKind.SHA256, Timestamp.of(DIGEST).withAttestation(new BitcoinAttestation(ANCHOR)));
    return new TimestampVerifier(q, SyntheticChain.NET.powLimit()).verify(proof, DIGEST);
  }

  /**
   * What a restarted server keeps: every accepted header goes to the memory, and a new quorum takes
   * them back, validated again, so it confirms with every source down; a kept header changed in the
   * database (and everything after it) is dropped, not trusted.
   */
  @Test
  void keptHeadersSurviveARestartAndAreValidatedAgain() throws Exception {
    FakeChainServer core = start(Kind.BITCOIN_CORE);
    TreeMap<Long, HeaderQuorum.Kept> kept = new TreeMap<>();
    HeaderQuorum first =
        new HeaderQuorum(
            chain.trusted(),
            List.of(client(core, Kind.BITCOIN_CORE)),
            1,
            Clock.systemUTC(),
            (h, header, by) -> kept.put(h, new HeaderQuorum.Kept(header, by)));
    assertTrue(anchor(first).isConfirmed());
    assertEquals(chain.at(ANCHOR), kept.get(ANCHOR).header());
    assertEquals(List.of("Bitcoin Core " + core.uri()), kept.get(ANCHOR).confirmedBy());
    core.close();

    HeaderQuorum restarted = quorum(1, client(core, Kind.BITCOIN_CORE));
    assertEquals(kept.size(), restarted.restore(kept));
    assertTrue(anchor(restarted).isConfirmed(), "no source needed: the kept chain confirms");
    assertEquals(kept.get(ANCHOR).confirmedBy(), restarted.confirmedBy(ANCHOR));

    TreeMap<Long, HeaderQuorum.Kept> changed = new TreeMap<>(kept);
    byte[] bytes = chain.at(ANCHOR - 3).bytes();
    bytes[68]++;
    changed.put(ANCHOR - 3, new HeaderQuorum.Kept(BlockHeader.parse(bytes), List.of("x")));
    HeaderQuorum tampered = quorum(1, client(core, Kind.BITCOIN_CORE));
    assertTrue(tampered.restore(changed) < kept.size());
    assertTrue(tampered.validated(ANCHOR - 3, ANCHOR).isEmpty(), "dropped from the change on");
    assertFalse(anchor(tampered).isConfirmed(), "and the source is down: nothing confirms");
  }

  @Test
  void anAnchorConfirmsWhenBitcoinCoreAndEsploraAgree() throws Exception {
    RemoteHeaderSource core = client(start(Kind.BITCOIN_CORE), Kind.BITCOIN_CORE);
    RemoteHeaderSource esplora = client(start(Kind.ESPLORA), Kind.ESPLORA);
    HeaderQuorum q = quorum(2, core, esplora);
    VerificationReport report = anchor(q);
    assertTrue(report.isConfirmed(), report.toString());
    assertEquals(chain.at(ANCHOR).blockHashHex(), report.earliestBitcoin().get().blockHash());
    assertEquals(List.of(core.name(), esplora.name()), q.confirmedBy(ANCHOR));
    assertTrue(q.states().stream().allMatch(s -> s.verdict() == HeaderQuorum.Verdict.AGREED));
    assertEquals(chain.headers().subMap(160L, true, ANCHOR, true), q.validated(0, ANCHOR));
  }

  static Stream<Arguments> lies() {
    return Stream.of(
        Arguments.of(Kind.BITCOIN_CORE, Lie.OFF_CHAIN, "does not link"),
        Arguments.of(Kind.BITCOIN_CORE, Lie.MIN_DIFFICULTY, "difficulty rule"),
        Arguments.of(Kind.BITCOIN_CORE, Lie.WRONG_HEIGHT, "does not link"),
        Arguments.of(Kind.ESPLORA, Lie.OFF_CHAIN, "does not link"),
        Arguments.of(Kind.ESPLORA, Lie.MIN_DIFFICULTY, "difficulty rule"),
        Arguments.of(Kind.ESPLORA, Lie.WRONG_HEIGHT, "does not link"));
  }

  @ParameterizedTest(name = "{0} lying with {1}")
  @MethodSource("lies")
  void aLyingSourceIsRefusedAndNamedWhileTheOthersConfirm(Kind liarKind, Lie lie, String why)
      throws Exception {
    FakeChainServer liarServer = start(liarKind).lieAt(ANCHOR - 3, lie);
    RemoteHeaderSource liar = client(liarServer, liarKind);
    RemoteHeaderSource core = client(start(Kind.BITCOIN_CORE), Kind.BITCOIN_CORE);
    RemoteHeaderSource esplora = client(start(Kind.ESPLORA), Kind.ESPLORA);
    HeaderQuorum q = quorum(2, liar, core, esplora);
    assertTrue(anchor(q).isConfirmed());
    assertEquals(List.of(core.name(), esplora.name()), q.confirmedBy(ANCHOR));
    HeaderQuorum.SourceState refused = q.refusals().get(0);
    assertEquals(liar.name(), refused.source());
    assertEquals(ANCHOR - 3, refused.height());
    assertTrue(refused.detail().contains(why), refused.detail());
  }

  @Test
  void aLiarCannotConfirmAloneWhenTwoAreRequired() throws Exception {
    RemoteHeaderSource liar =
        client(start(Kind.ESPLORA).lieAt(ANCHOR, Lie.MIN_DIFFICULTY), Kind.ESPLORA);
    RemoteHeaderSource core = client(start(Kind.BITCOIN_CORE), Kind.BITCOIN_CORE);
    HeaderQuorum q = quorum(2, liar, core);
    VerificationReport report = anchor(q);
    assertFalse(report.isConfirmed());
    assertTrue(
        q.whyMissing(ANCHOR).contains("1 source(s) agree on a valid block, 2"),
        q.whyMissing(ANCHOR));
    assertEquals(liar.name(), q.refusals().get(0).source());
  }

  @Test
  void aValidForkNamedByOneSourceIsOutvoted() throws Exception {
    // another chain mined by the rules from the same trusted block: valid, but only one source
    // names it
    SyntheticChain fork = new SyntheticChain(160, 1_700_000_000L).extendBy(20);
    for (long h = 181; h <= ANCHOR + 5; h++) fork.extend(601);
    FakeChainServer forkServer = start(Kind.ESPLORA);
    forkServer.serve(fork);
    RemoteHeaderSource forker = client(forkServer, Kind.ESPLORA);
    RemoteHeaderSource core = client(start(Kind.BITCOIN_CORE), Kind.BITCOIN_CORE);
    RemoteHeaderSource esplora = client(start(Kind.ESPLORA), Kind.ESPLORA);
    HeaderQuorum q = quorum(2, core, forker, esplora);
    assertTrue(anchor(q).isConfirmed());
    HeaderQuorum.SourceState s = q.states().get(1);
    assertEquals(forker.name(), s.source());
    // outvoted where the fork departs; afterwards its blocks no longer link to the agreed chain
    assertTrue(
        s.verdict() == HeaderQuorum.Verdict.OUTVOTED || s.verdict() == HeaderQuorum.Verdict.REFUSED,
        s.toString());
    assertFalse(q.confirmedBy(ANCHOR).contains(forker.name()));
  }

  @Test
  void aSourceThatIsDownOrHangsFailsAndTheOthersSuffice() throws Exception {
    FakeChainServer down = start(Kind.BITCOIN_CORE);
    down.down = true;
    FakeChainServer hanging = start(Kind.ESPLORA);
    hanging.hang = true;
    RemoteHeaderSource esplora = client(start(Kind.ESPLORA), Kind.ESPLORA);
    RemoteHeaderSource core = client(start(Kind.BITCOIN_CORE), Kind.BITCOIN_CORE);
    RemoteHeaderSource hang = client(hanging, Kind.ESPLORA);
    // the hanging source is asked once per height until it is given up on; keep the chain short
    HeaderQuorum q =
        new HeaderQuorum(
            new SyntheticChain(160, 1_700_000_000L).trusted(),
            List.of(client(down, Kind.BITCOIN_CORE), esplora, core),
            2,
            Clock.systemUTC());
    assertTrue(anchor(q).isConfirmed());
    assertEquals(HeaderQuorum.Verdict.FAILED, q.states().get(0).verdict());
    assertTrue(q.states().get(0).detail().contains("503"), q.states().get(0).detail());
    assertThrows(SourceException.class, () -> hang.blockHash(ANCHOR));
  }

  @Test
  void bitcoinCoreCredentialsAreSentAndNeverShown() throws Exception {
    FakeChainServer server = start(Kind.BITCOIN_CORE);
    server.credentials = "rpcuser:s3cret";
    URI withCredentials = URI.create("http://rpcuser:s3cret@127.0.0.1:" + server.uri().getPort());
    BitcoinCoreRpc core = new BitcoinCoreRpc(withCredentials, TIMEOUT);
    assertEquals(chain.at(170).blockHashHex(), core.blockHash(170));
    assertFalse(core.name().contains("s3cret"), core.name());
    BitcoinCoreRpc wrong =
        new BitcoinCoreRpc(
            URI.create("http://rpcuser:guess@127.0.0.1:" + server.uri().getPort()), TIMEOUT);
    SourceException e = assertThrows(SourceException.class, () -> wrong.blockHash(170));
    assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    assertThrows(SourceException.class, () -> core.blockHash(10_000), "beyond the tip: an error");
  }

  @Test
  void agreementMustBeReachable() {
    RemoteHeaderSource s = new EsploraRest(URI.create("http://127.0.0.1:9/"), TIMEOUT);
    assertThrows(IllegalArgumentException.class, () -> quorum(2, s));
    assertThrows(IllegalArgumentException.class, () -> quorum(0, s));
  }

  static byte[] digest(int seed) {
    byte[] d = new byte[32];
    ByteBuffer.wrap(d).putInt(seed).putInt(0xc0ffee);
    return d;
  }
}
