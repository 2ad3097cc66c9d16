package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.support.LedgerTestResource;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.ledger.witness.Witness;
import org.trialledger.verification.offline.FileWitnessStore;
import org.trialledger.verification.offline.WitnessServer;

/**
 * The log and three witnesses of the verifier jar on loopback (pom.xml configures their URLs and
 * keys, quorum 2 of 3): checkpoints get cosigned, one witness down still leaves them witnessed, two
 * down leaves them integrated but not witnessed, and a witness the log lost track of is brought up
 * to date through the 409 path. /api/log/checkpoint carries the cosignatures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WitnessingIT {
  private static final String[] NAMES = {"w1", "w2", "w3"};
  private static final int[] PORTS = {18791, 18792, 18793};
  private static final Running[] running = new Running[3];
  private static Path states;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application().addClass(LedgerTestResource.class);
  }

  @ArquillianResource URL base;

  private record Running(FileWitnessStore store, WitnessServer server) {}

  static CosignerKey key(int i) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) (0x61 + i));
    return CosignerKey.signer(NAMES[i] + ".it.example/witness", seed);
  }

  private void start(int i, NoteKey logKey) throws IOException {
    if (states == null) states = Files.createTempDirectory("witnessing-it");
    FileWitnessStore store = new FileWitnessStore(states.resolve(NAMES[i]));
    running[i] =
        new Running(
            store,
            WitnessServer.start(
                new Witness(
                    key(i), List.of(logKey), store, () -> System.currentTimeMillis() / 1000),
                new InetSocketAddress("127.0.0.1", PORTS[i]),
                System.err));
  }

  private static void stop(int i) throws IOException {
    if (running[i] == null) return;
    running[i].server().close();
    running[i].store().close();
    running[i] = null;
  }

  @AfterAll
  static void stopAll() throws IOException {
    for (int i = 0; i < 3; i++) stop(i);
  }

  @Test
  void quorumTwoOfThreeThroughOutagesAndCatchUp() throws Exception {
    NoteKey logKey =
        NoteKey.parseVerifier(LedgerIT.json(api().get("/api/log/key").body()).getString("vkey"));
    for (int i = 0; i < 3; i++) start(i, logKey);

    long size = grow();
    await(
        () -> cosigned(0) >= size && cosigned(1) >= size && cosigned(2) >= size,
        "all three witnesses cosign checkpoint " + size);
    assertTrue(witnessed() >= size);
    String note = api().get("/api/log/checkpoint").body();
    assertTrue(Checkpoint.open(note, logKey).size() >= size, "the log's own signature holds");
    for (int i = 0; i < 3; i++)
      assertTrue(key(i).verifier().verifyIn(note).isPresent(), NAMES[i] + " cosigned: " + note);

    stop(2); // one down: 2 of 3 still make the quorum
    long second = grow();
    await(() -> witnessed() >= second, "w1 and w2 cosign " + second + " with w3 down");
    assertTrue(cosigned(2) < second);

    stop(1); // two down: integration goes on, the checkpoint stays unwitnessed
    long third = grow();
    await(() -> cosigned(0) >= third, "w1 cosigns " + third);
    assertTrue(witnessed() < third, "one witness is not a quorum of two");
    String unwitnessed = api().get("/api/log/checkpoint").body();
    assertTrue(Checkpoint.open(unwitnessed, logKey).size() >= third);
    assertTrue(key(1).verifier().verifyIn(unwitnessed).isEmpty());

    // w3 comes back, but the log has lost track of it: it believes w3 never cosigned (old size 0);
    // w3 answers 409 with its size and the log retries from there
    sql("DELETE FROM witness_cosignature WHERE witness_key LIKE 'w3.%'");
    start(2, logKey);
    await(() -> witnessed() >= third, "w3 catches up through 409 and restores the quorum");
    assertTrue(cosigned(2) >= third);
    start(1, logKey);
    await(() -> cosigned(1) >= third, "w2 catches up from " + second);
  }

  private long grow() throws Exception {
    assertEquals(
        200, api().postJson("/api/it/ledger/record?n=3&threads=1", "", null, null).statusCode());
    await(
        () -> count("SELECT COUNT(*) FROM ledger_entry WHERE leaf_index IS NULL") == 0,
        "the integrator catches up");
    long size = count("SELECT MAX(tree_size) FROM checkpoint");
    await(() -> count("SELECT COUNT(*) FROM ledger_entry") == size, "the checkpoint covers all");
    return size;
  }

  private long witnessed() {
    return summary().getJsonNumber("witnessedSize").longValue();
  }

  private long cosigned(int i) {
    for (JsonObject w : summary().getJsonArray("witnesses").getValuesAs(JsonObject.class))
      if (w.getString("vkey").equals(key(i).verifierKey()))
        return w.getJsonNumber("cosignedSize").longValue();
    throw new AssertionError("witness " + NAMES[i] + " not configured");
  }

  private JsonObject summary() {
    return LedgerIT.json(api().get("/api/log/witnesses").body());
  }

  /** Waits for a condition that the server reaches on its own schedule (bounded: 60 s). */
  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline)
        throw new AssertionError(
            "not reached: "
                + what
                + "; /api/log/witnesses: "
                + api().get("/api/log/witnesses").body()
                + "; latest checkpoint "
                + count("SELECT MAX(tree_size) FROM checkpoint"));
      Thread.sleep(200);
    }
  }

  private static long count(String sql) {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new AssertionError(sql, e);
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private ApiClient api() {
    return new ApiClient(base);
  }
}
