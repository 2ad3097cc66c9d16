package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * Issue 15 finding 4, "the log key, from SQL alone": a real Payara Micro process is started on a
 * database whose published key or newest checkpoint disagrees with its key file. Before, it started
 * and signed with the other key (or, refused, stayed up answering 404); now it logs one line and
 * ends with status 78, and starts normally once the change is undone.
 */
class LogKeyStartIT {
  private static final int REFUSED = 78;

  @Test
  void aKeyTheDatabaseDidNotPublishEndsTheProcess() throws Exception {
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("key-it"));
    Path war = work.resolve("trialledger-key.war");
    Deployments.application().as(ZipExporter.class).exportTo(war.toFile(), true);
    Path keyA = work.resolve("a.key");
    Path keyB = work.resolve("b.key");
    Files.deleteIfExists(keyA);
    Files.deleteIfExists(keyB);
    int port = MicroProcess.freePort();

    try (MicroProcess first = start(war, port, work, "first", keyA)) {
      first.awaitReady(180_000);
    }
    String origin = LedgerIT.string("SELECT origin FROM log_key");
    NoteKey stranger = NoteKey.generate(origin, new SecureRandom());

    // 1. a second row in log_key
    update(
        "INSERT INTO log_key (key_id, origin, vkey, created_at) VALUES (?, ?, ?, ?)",
        stranger.keyIdHex(),
        origin,
        stranger.verifierKey(),
        Timestamp.from(Instant.now()));
    assertRefused(war, port, work, "second-row", keyA, "the database publishes 2 log keys");
    update("DELETE FROM log_key WHERE key_id = ?", stranger.keyIdHex());

    // 2. the row deleted, and another key file
    Map<String, Object> row = row("SELECT key_id, origin, vkey, created_at FROM log_key");
    update("DELETE FROM log_key");
    assertRefused(war, port, work, "row-deleted", keyB, "the database publishes no log key");
    update(
        "INSERT INTO log_key (key_id, origin, vkey, created_at) VALUES (?, ?, ?, ?)",
        row.get("key_id"),
        row.get("origin"),
        row.get("vkey"),
        row.get("created_at"));

    // 3. the key file swapped, the row intact
    assertRefused(war, port, work, "key-swapped", keyB, "is not the key this database published");

    // 4. the newest checkpoint does not verify under the loaded key
    Map<String, Object> newest =
        row("SELECT tree_size, root_hash, note FROM checkpoint ORDER BY tree_size DESC LIMIT 1");
    long size = ((Number) newest.get("tree_size")).longValue();
    update(
        "UPDATE checkpoint SET note = ? WHERE tree_size = ?",
        new Checkpoint(origin, size, Hash.ofHex((String) newest.get("root_hash"))).sign(stranger),
        size);
    assertRefused(
        war,
        port,
        work,
        "checkpoint",
        keyA,
        "the newest stored checkpoint (size " + size + ") does not verify");
    update("UPDATE checkpoint SET note = ? WHERE tree_size = ?", newest.get("note"), size);

    // undone: the same database and key file start
    try (MicroProcess again = start(war, port, work, "restored", keyA)) {
      again.awaitReady(180_000);
    }
  }

  private static void assertRefused(
      Path war, int port, Path work, String name, Path keyFile, String reason) throws Exception {
    try (MicroProcess refused = start(war, port, work, name, keyFile)) {
      assertEquals(REFUSED, refused.awaitExit(180_000), name + ": the exit status");
    }
    List<String> lines =
        Files.readAllLines(work.resolve(name + ".log"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains("TrialLedger refused to start: "))
            .toList();
    assertTrue(!lines.isEmpty(), name + ": no refusal line in the log");
    assertTrue(lines.get(0).contains(reason), name + ": " + lines.get(0));
  }

  private static MicroProcess start(Path war, int port, Path work, String name, Path keyFile)
      throws Exception {
    Path log = work.resolve(name + ".log");
    Files.deleteIfExists(log);
    return MicroProcess.start(
        war, port, log, Map.of("TRIALLEDGER_LEDGER_KEY_FILE", keyFile.toString()));
  }

  private static void update(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) p.setObject(i + 1, params[i]);
      p.executeUpdate();
    }
  }

  private static Map<String, Object> row(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      Map<String, Object> row = new HashMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
      return row;
    }
  }
}
