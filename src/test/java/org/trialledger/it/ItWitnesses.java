package org.trialledger.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.ledger.witness.Witness;
import org.trialledger.verification.offline.FileWitnessStore;
import org.trialledger.verification.offline.WitnessServer;

/**
 * The three witnesses pom.xml configures for the integration tests (quorum 2 of 3), served by the
 * verifier jar's witness server on loopback with durable state in a temporary directory. Tests that
 * anchor need them: with witnesses configured, only a witnessed checkpoint is stamped.
 */
final class ItWitnesses {
  static final String[] NAMES = {"w1", "w2", "w3"};
  static final int[] PORTS = {18791, 18792, 18793};
  private static final Running[] running = new Running[3];
  private static Path states;

  private ItWitnesses() {}

  private record Running(FileWitnessStore store, WitnessServer server) {}

  static CosignerKey key(int i) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) (0x61 + i));
    return CosignerKey.signer(NAMES[i] + ".it.example/witness", seed);
  }

  /** The log's verifier key as the database publishes it. */
  static NoteKey logKey() throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT vkey FROM log_key")) {
      if (!rs.next()) throw new AssertionError("the log has published no key");
      return NoteKey.parseVerifier(rs.getString(1));
    }
  }

  static synchronized void start(int i, NoteKey logKey) throws IOException {
    if (running[i] != null) return;
    if (states == null) states = Files.createTempDirectory("it-witnesses");
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

  static void startAll() throws Exception {
    NoteKey logKey = logKey();
    for (int i = 0; i < 3; i++) start(i, logKey);
  }

  static synchronized void stop(int i) throws IOException {
    if (running[i] == null) return;
    running[i].server().close();
    running[i].store().close();
    running[i] = null;
  }

  /** Stops all three and forgets their state: the next test class starts fresh witnesses. */
  static synchronized void stopAll() throws IOException {
    for (int i = 0; i < 3; i++) stop(i);
    states = null;
  }

  static long witnessedSize(ApiClient api) {
    return LedgerIT.json(api.get("/api/log/witnesses").body())
        .getJsonNumber("witnessedSize")
        .longValue();
  }

  static long cosignedSize(ApiClient api, int i) {
    for (JsonObject w :
        LedgerIT.json(api.get("/api/log/witnesses").body())
            .getJsonArray("witnesses")
            .getValuesAs(JsonObject.class))
      if (w.getString("vkey").equals(key(i).verifierKey()))
        return w.getJsonNumber("cosignedSize").longValue();
    throw new AssertionError("witness " + NAMES[i] + " not configured");
  }

  /** Waits (at most 60 s) until the whole current log is witnessed; returns its size. */
  static long awaitAllWitnessed(ApiClient api) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      long size = LedgerIT.count("SELECT COALESCE(MAX(tree_size), 0) FROM checkpoint");
      boolean queued = LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0;
      if (!queued && witnessedSize(api) >= size) return size;
      if (System.currentTimeMillis() > deadline)
        throw new AssertionError(
            "the log (size "
                + size
                + ") is not witnessed: "
                + api.get("/api/log/witnesses").body());
      Thread.sleep(200);
    }
  }
}
