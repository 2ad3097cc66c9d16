package org.trialledger.log.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.ledger.witness.LogFixture;
import org.trialledger.ledger.witness.Witness;
import org.trialledger.log.application.WitnessClient.Cosigned;
import org.trialledger.log.application.WitnessClient.Outcome;
import org.trialledger.log.application.WitnessClient.Refused;
import org.trialledger.log.application.WitnessClient.Unreachable;
import org.trialledger.verification.offline.FileWitnessStore;
import org.trialledger.verification.offline.WitnessServer;

/** The log asking a real witness (the verifier's, over loopback HTTP) to cosign. */
class WitnessClientTest {
  private static final CosignerKey KEY =
      CosignerKey.signer("regulator.example/w", LogFixture.seed(4));
  private final WitnessClient client = new WitnessClient(Duration.ofSeconds(5));
  private final LogFixture log = new LogFixture().grow(12, "main");

  @TempDir Path state;
  private FileWitnessStore store;
  private WitnessServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    store = new FileWitnessStore(state);
    server =
        WitnessServer.start(
            new Witness(KEY, List.of(LogFixture.KEY), store, () -> 42),
            new InetSocketAddress("127.0.0.1", 0),
            System.err);
    uri = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    store.close();
  }

  private Outcome ask(LogFixture l, long size, long believed) {
    return client.addCheckpoint(
        uri, KEY.verifier(), l.checkpoint(size), size, believed, from -> l.proof(from, size));
  }

  @Test
  void getsAVerifiedCosignature() {
    Outcome o = ask(log, 5, 0);
    Cosigned c = assertInstanceOf(Cosigned.class, o);
    assertEquals(42, c.timestamp());
    assertTrue(KEY.verifier().verifyIn(log.checkpoint(5) + c.line()).isPresent());
  }

  @Test
  void bringsALaggingOrUnknownWitnessUpToDateThrough409() {
    assertInstanceOf(Cosigned.class, ask(log, 5, 0));
    // the log lost track of the witness (believes 0, or 3): one retry from the witness's size
    assertInstanceOf(Cosigned.class, ask(log, 9, 0));
    assertInstanceOf(Cosigned.class, ask(log, 12, 3));
  }

  /**
   * A split view: the witness cosigned a checkpoint of size 6 that someone signed with our key but
   * this log never published (it published 5 and 9). The retry from the witness's size has no proof
   * to send: that is a refusal, named as such, not an error of the round.
   */
  @Test
  void aWitnessHoldingASizeWeNeverPublishedIsASplitView() {
    LogFixture fork = new LogFixture().grow(5, "main").grow(1, "fork");
    assertInstanceOf(Cosigned.class, ask(log, 5, 0));
    assertInstanceOf(
        Cosigned.class,
        client.addCheckpoint(
            uri, KEY.verifier(), fork.checkpoint(6), 6, 5, from -> fork.proof(from, 6)));
    Outcome o =
        client.addCheckpoint(
            uri,
            KEY.verifier(),
            log.checkpoint(9),
            9,
            5,
            from -> from == 5 ? log.proof(5, 9) : null); // the log published 5 and 9 only
    Refused r = assertInstanceOf(Refused.class, o);
    assertEquals(409, r.status());
    assertTrue(r.reason().contains("size 6 that this log never published"), r.reason());
  }

  @Test
  void aForkOrARollbackIsRefused() {
    assertInstanceOf(Cosigned.class, ask(log, 8, 0));
    LogFixture fork = new LogFixture().grow(6, "main").grow(6, "fork");
    Refused same = assertInstanceOf(Refused.class, ask(fork, 8, 8));
    assertEquals(409, same.status());
    assertEquals(422, assertInstanceOf(Refused.class, ask(fork, 12, 8)).status());
    // the log was truncated to 6 and forgot the witness ever saw 8
    Refused rollback = assertInstanceOf(Refused.class, ask(log, 6, 0));
    assertTrue(rollback.reason().contains("larger tree (8)"), rollback.reason());
  }

  @Test
  void aWitnessThatDoesNotAnswerIsUnreachableWithinTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread t =
          new Thread(
              () -> {
                try (Socket s = silent.accept()) {
                  Thread.sleep(60_000);
                } catch (Exception e) {
                }
              });
      t.setDaemon(true);
      t.start();
      WitnessClient quick = new WitnessClient(Duration.ofMillis(300));
      Outcome o =
          quick.addCheckpoint(
              URI.create("http://127.0.0.1:" + silent.getLocalPort()),
              KEY.verifier(),
              log.checkpoint(3),
              3,
              0,
              from -> List.of());
      assertInstanceOf(Unreachable.class, o);
      t.interrupt();
    }
    try (ServerSocket closed = new ServerSocket(0)) {
      int port = closed.getLocalPort();
      closed.close();
      assertInstanceOf(
          Unreachable.class,
          client.addCheckpoint(
              URI.create("http://127.0.0.1:" + port),
              KEY.verifier(),
              log.checkpoint(3),
              3,
              0,
              from -> List.of()));
    }
  }

  @Test
  void aCosignatureByAnotherKeyIsNotTaken() {
    CosignerKey expected =
        CosignerKey.signer("regulator.example/w", LogFixture.seed(99)).verifier();
    Outcome o =
        client.addCheckpoint(uri, expected, log.checkpoint(4), 4, 0, from -> log.proof(from, 4));
    assertEquals(200, assertInstanceOf(Refused.class, o).status());
  }
}
