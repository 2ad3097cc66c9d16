package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.AddCheckpointRequest;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.ledger.witness.LogFixture;
import org.trialledger.ledger.witness.Witness;

/** The witness over real HTTP on loopback, with its state on disk. */
class WitnessServerTest {
  static final CosignerKey KEY =
      CosignerKey.signer("regulator.example/witness", LogFixture.seed(5));
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path state;
  private FileWitnessStore store;
  private WitnessServer server;
  private final LogFixture log = new LogFixture().grow(12, "main");

  @BeforeEach
  void start() throws IOException {
    store = new FileWitnessStore(state);
    server =
        WitnessServer.start(
            new Witness(KEY, List.of(LogFixture.KEY), store, () -> 1700000000L),
            new InetSocketAddress("127.0.0.1", 0),
            System.err);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    store.close();
  }

  @Test
  void cosignsOverHttp() throws Exception {
    HttpResponse<String> r = post(log.request(0, 5));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        OptionalLong.of(1700000000L), KEY.verifier().verifyIn(log.checkpoint(5) + r.body()));
    assertEquals(200, post(log.request(5, 12)).statusCode());
  }

  @Test
  void aLaggingLogGets409WithTheSizeAndCatchesUp() throws Exception {
    post(log.request(0, 5));
    HttpResponse<String> r = post(log.request(0, 12));
    assertEquals(409, r.statusCode());
    assertEquals("text/x.tlog.size", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("5\n", r.body());
    long witnessSize = Long.parseLong(r.body().strip());
    assertEquals(200, post(log.request(witnessSize, 12)).statusCode());
  }

  @Test
  void refusesUnknownLogsForeignSignaturesBadProofsAndBadBodies() throws Exception {
    NoteKey stranger = NoteKey.signer("stranger.example/log", LogFixture.seed(11));
    assertEquals(404, post(new LogFixture(stranger).grow(2, "x").request(0, 2)).statusCode());
    NoteKey impostor = NoteKey.signer(LogFixture.KEY.name(), LogFixture.seed(12));
    assertEquals(403, post(new LogFixture(impostor).grow(2, "x").request(0, 2)).statusCode());
    post(log.request(0, 5));
    List<Hash> proof = new ArrayList<>(log.proof(5, 12));
    proof.set(proof.size() - 1, Hash.sha256(new byte[] {7}));
    HttpResponse<String> bad = post(new AddCheckpointRequest(5, proof, log.checkpoint(12)));
    assertEquals(422, bad.statusCode());
    assertEquals(400, post("old 05\n\n" + log.checkpoint(12)).statusCode());
    assertEquals(400, post("nonsense").statusCode());
    assertEquals(413, post("old 5\n" + "x".repeat(AddCheckpointRequest.MAX_BYTES)).statusCode());
    HttpResponse<String> get =
        CLIENT.send(
            HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("5\n", post(log.request(0, 12)).body()); // nothing above moved the witness
  }

  /**
   * A refused oversized body must not cost the client its answer: the server used to close the
   * connection with the body unread, and the reset sometimes destroyed the 413 on its way (CI:
   * "fixed content-length: 39, bytes received: 0").
   */
  @Test
  void everyOversizedRequestReadsItsRefusal() throws Exception {
    String oversized = "old 5\n" + "x".repeat(AddCheckpointRequest.MAX_BYTES);
    for (int i = 0; i < 200; i++) assertEquals(413, post(oversized).statusCode(), "attempt " + i);
  }

  @Test
  void refusesARollbackAndASplitView() throws Exception {
    assertEquals(200, post(log.request(0, 8)).statusCode());
    // the log truncated to 6 and re-signed: the witness remembers 8
    assertEquals(400, post(log.request(0, 6).withOld(8)).statusCode());
    assertEquals("8\n", post(log.request(6, 6)).body());
    // another history of the same size
    LogFixture fork = new LogFixture().grow(6, "main").grow(2, "fork");
    HttpResponse<String> same = post(new AddCheckpointRequest(8, List.of(), fork.checkpoint(8)));
    assertEquals(409, same.statusCode());
    // and grown further, with a proof that is valid for the fork but not from our root
    assertEquals(422, post(fork.grow(4, "fork").request(8, 12)).statusCode());
  }

  @Test
  void theStateSurvivesARestartAndALeftoverTemporaryFile() throws Exception {
    assertEquals(200, post(log.request(0, 7)).statusCode());
    stop();
    Files.writeString(state.resolve("checkpoint-123.tmp"), "half a checkpoint");
    start();
    assertEquals("7\n", post(log.request(0, 12)).body());
    assertTrue(Files.list(state).noneMatch(p -> p.toString().endsWith(".tmp")));
    LogFixture fork = new LogFixture().grow(5, "main").grow(2, "fork");
    assertEquals(
        409, post(new AddCheckpointRequest(7, List.of(), fork.checkpoint(7))).statusCode());
  }

  @Test
  void oneStateHasOneWitness() {
    assertThrows(IOException.class, () -> new FileWitnessStore(state));
  }

  @Test
  void anUnreadableStateCosignsNothing() throws Exception {
    post(log.request(0, 3));
    try (var files = Files.list(state)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".checkpoint")).toList())
        Files.writeString(p, "garbage");
    }
    assertEquals(503, post(log.request(3, 12)).statusCode());
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint");
  }

  private HttpResponse<String> post(AddCheckpointRequest r) throws Exception {
    return post(r.text());
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post(uri(), body);
  }

  static HttpResponse<String> post(URI uri, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
