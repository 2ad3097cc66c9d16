package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.support.LedgerTestResource;
import org.trialledger.ledger.GoProgram;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.BundleVerifier;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.VerificationReport;
import org.trialledger.ledger.merkle.CompactRange;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.merkle.TilePath;
import org.trialledger.ledger.merkle.Tiles;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * The persistent ledger on the real database: all-or-nothing writes, a gapless log under concurrent
 * writers whose root equals the one recomputed from the stored entries, proofs and receipts over
 * the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application().addClass(LedgerTestResource.class);
  }

  @ArquillianResource URL base;

  @Test
  void anArtifactWhoseTransactionRollsBackLeavesNoQueueRowAndNoLeaf() throws Exception {
    long entriesBefore = count("SELECT COUNT(*) FROM ledger_entry");
    long auditBefore = count("SELECT COUNT(*) FROM audit_event");
    assertEquals(
        200,
        api().postJson("/api/it/ledger/rollback?name=Ghost%20Site", "", null, null).statusCode());
    assertEquals(0, count("SELECT COUNT(*) FROM organisation WHERE name = 'Ghost Site'"));
    assertEquals(auditBefore, count("SELECT COUNT(*) FROM audit_event"));
    assertEquals(entriesBefore, count("SELECT COUNT(*) FROM ledger_entry"));
  }

  @Test
  void concurrentWritersProduceAGaplessLogWhoseRootIsRecomputableFromTheStoredEntries()
      throws Exception {
    assertEquals(
        200, api().postJson("/api/it/ledger/record?n=400&threads=16", "", null, null).statusCode());
    long entries = count("SELECT COUNT(*) FROM ledger_entry");
    awaitIntegrated(entries);

    CompactRange recomputed = new CompactRange();
    long expected = 0;
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT l.leaf_index, e.entry_bytes, e.leaf_hash FROM ledger_entry e"
                    + " JOIN ledger_leaf l ON l.entry_id = e.id ORDER BY l.leaf_index")) {
      while (rs.next()) {
        assertEquals(expected++, rs.getLong(1), "indices are gapless");
        Hash leaf = TreeHasher.leafHash(rs.getBytes(2));
        assertEquals(leaf.hex(), rs.getString(3).trim());
        recomputed.append(leaf, (id, h) -> {});
      }
    }
    assertEquals(entries, expected);
    String headRoot = string("SELECT root_hash FROM log_head");
    assertEquals(recomputed.root().hex(), headRoot);

    NoteKey key = NoteKey.parseVerifier(json(api().get("/api/log/key").body()).getString("vkey"));
    Checkpoint latest = Checkpoint.open(api().get("/api/log/checkpoint").body(), key);
    assertEquals(entries, latest.size());
    assertEquals(recomputed.root(), latest.root());
  }

  @Test
  void proofsAndReceiptsFromTheApiVerifyAgainstSignedCheckpoints() throws Exception {
    assertEquals(
        200, api().postJson("/api/it/ledger/record?n=30&threads=3", "", null, null).statusCode());
    long size = count("SELECT COUNT(*) FROM ledger_entry");
    awaitIntegrated(size);
    NoteKey key = NoteKey.parseVerifier(json(api().get("/api/log/key").body()).getString("vkey"));
    Checkpoint latest = Checkpoint.open(api().get("/api/log/checkpoint").body(), key);

    for (long index : new long[] {0, latest.size() / 2, latest.size() - 1}) {
      String leafHash =
          string(
              "SELECT e.leaf_hash FROM ledger_entry e JOIN ledger_leaf l ON l.entry_id = e.id"
                  + " WHERE l.leaf_index = "
                  + index);
      JsonObject receipt = json(api().get("/api/receipts/" + leafHash).body());
      assertEquals("INCLUDED", receipt.getString("status"));
      assertEquals(index, receipt.getJsonNumber("leafIndex").longValue());
      JsonObject proof =
          json(
              api()
                  .get("/api/log/proof/inclusion?leaf=" + index + "&size=" + latest.size())
                  .body());
      assertDoesNotThrow(
          () ->
              ProofVerifier.verifyInclusion(
                  index, latest.size(), Hash.ofHex(leafHash), hashes(proof), latest.root()));
    }

    List<Long> sizes =
        longs("SELECT tree_size FROM checkpoint WHERE tree_size > 0 ORDER BY tree_size");
    long first = sizes.get(0);
    Checkpoint older = Checkpoint.open(api().get("/api/log/checkpoint/" + first).body(), key);
    JsonObject consistency =
        json(api().get("/api/log/proof/consistency?old=" + first + "&new=" + latest.size()).body());
    assertDoesNotThrow(
        () ->
            ProofVerifier.verifyConsistency(
                older.size(), latest.size(), older.root(), latest.root(), hashes(consistency)));

    // The bundle the offline verifier checks, straight from the API, against the key obtained
    // separately;
    // the leaf hash as a monitor would find it in the public listing of the log.
    JsonObject second =
        Json.createReader(new StringReader(api().get("/api/log/entries?start=1&max=1").body()))
            .readArray()
            .getJsonObject(0);
    assertEquals(1, second.getJsonNumber("leafIndex").longValue());
    assertEquals(
        "COMMITMENT", second.getString("contentKind"), "audit records name people: salted");
    String leafHash = second.getString("leafHash");
    HttpResponse<String> bundle = api().get("/api/proofs/" + leafHash);
    assertEquals(200, bundle.statusCode(), bundle.body());
    VerificationReport report =
        BundleVerifier.verify(
            ProofBundle.parse(bundle.body()), Optional.empty(), Optional.of(key.verifierKey()));
    assertTrue(report.verified(), report.toString());
    assertEquals(
        VerificationReport.Outcome.PASS,
        report.step("consistency").orElseThrow().outcome(),
        report.toString());

    assertEquals(
        404,
        api().get("/api/log/proof/inclusion?leaf=0&size=" + (latest.size() + 7)).statusCode(),
        "only published sizes");
    assertEquals(400, api().get("/api/receipts/not-a-hash").statusCode());
    assertEquals(404, api().get("/api/receipts/" + "0".repeat(64)).statusCode());
  }

  @Test
  void theLogIsServedAsTilesThatHoldExactlyTheStoredLeaves() throws Exception {
    recordAtLeast(300);
    String checkpoint = api().get("/api/log/checkpoint").body();
    HttpResponse<String> served = api().get("/log/checkpoint");
    assertEquals(200, served.statusCode());
    assertEquals(checkpoint, served.body());
    assertEquals(
        "text/plain;charset=utf-8",
        served.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());

    HttpResponse<byte[]> tile = api().getBytes("/log/tile/0/000");
    assertEquals(200, tile.statusCode());
    assertEquals(
        "public, max-age=31536000, immutable",
        tile.headers().firstValue("Cache-Control").orElseThrow());
    List<String> leafHashes = new ArrayList<>();
    List<byte[]> entries = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.leaf_hash, e.entry_bytes FROM ledger_entry e"
                    + " JOIN ledger_leaf l ON l.entry_id = e.id"
                    + " WHERE l.leaf_index < 256 ORDER BY l.leaf_index")) {
      while (rs.next()) {
        leafHashes.add(rs.getString(1).trim());
        entries.add(rs.getBytes(2));
      }
    }
    assertEquals(256, leafHashes.size());
    for (int i = 0; i < 256; i++) {
      byte[] h = java.util.Arrays.copyOfRange(tile.body(), 32 * i, 32 * (i + 1));
      assertEquals(leafHashes.get(i), Hash.of(h).hex(), "leaf " + i);
    }
    List<byte[]> bundle = Tiles.readEntryBundle(api().getBytes("/log/tile/entries/000").body());
    assertEquals(256, bundle.size());
    for (int i = 0; i < 256; i++) assertArrayEquals(entries.get(i), bundle.get(i), "entry " + i);

    // the note's body (before the blank line): the signature and cosignature lines follow it
    long size = Checkpoint.parse(checkpoint.substring(0, checkpoint.indexOf("\n\n") + 1)).size();
    TilePath beyond = new TilePath(0, size / 256, (int) (size % 256) + 1);
    HttpResponse<byte[]> missing = api().getBytes("/log/" + beyond.path());
    assertEquals(404, missing.statusCode());
    assertEquals("no-store", missing.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(404, api().getBytes("/log/tile/0/x000/000").statusCode());
  }

  @Test
  void goReadsTheLiveLogThroughItsTilesAlone() throws Exception {
    GoProgram tilecheck = GoProgram.build("tilecheck");
    recordAtLeast(300);
    long oldSize = count("SELECT MIN(tree_size) FROM checkpoint WHERE tree_size > 0");
    String oldRoot = string("SELECT root_hash FROM checkpoint WHERE tree_size = " + oldSize);
    String vkey = json(api().get("/api/log/key").body()).getString("vkey");
    GoProgram.Result r =
        tilecheck.run(
            api().resolve("/log").toString(),
            vkey,
            oldSize
                + ":"
                + java.util.Base64.getEncoder().encodeToString(Hash.ofHex(oldRoot).bytes()));
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("tree hash from tiles matches the checkpoint"), r.output());
    assertTrue(r.output().contains("consistent with tree"), r.output());
  }

  private void recordAtLeast(long entries) throws Exception {
    long have = count("SELECT COUNT(*) FROM ledger_entry");
    if (have < entries) {
      String path = "/api/it/ledger/record?n=" + (entries - have) + "&threads=4";
      assertEquals(200, api().postJson(path, "", null, null).statusCode());
    }
    awaitIntegrated(count("SELECT COUNT(*) FROM ledger_entry"));
  }

  @Test
  void theFullAuditPassesOnAnUntouchedDatabaseAndIsForRegulatorsAndAdmins() throws Exception {
    awaitIntegrated(count("SELECT COUNT(*) FROM ledger_entry"));
    JsonObject result = LedgerAudits.run(api(), "regulator", "regulator-demo-pw");
    assertEquals("PASSED", result.getString("state"), result.toString());
    assertEquals(0, result.getJsonNumber("discrepancyCount").longValue());
    assertEquals(
        403, api().postJson("/api/ledger/audits", "", "sponsor", "sponsor-demo-pw").statusCode());
    assertEquals(401, api().postJson("/api/ledger/audits", "", null, null).statusCode());
  }

  private void awaitIntegrated(long entries) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (count("SELECT COUNT(*) FROM ledger_queue") > 0
        || count("SELECT MAX(tree_size) FROM checkpoint") < entries) {
      assertTrue(
          System.currentTimeMillis() < deadline, "the integrator did not catch up within 30 s");
      Thread.sleep(100);
    }
  }

  private ApiClient api() {
    return new ApiClient(base);
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static List<Hash> hashes(JsonObject proof) {
    return proof.getJsonArray("hashes").getValuesAs(JsonString.class).stream()
        .map(s -> Hash.ofHex(s.getString()))
        .toList();
  }

  static long count(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String string(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1).trim();
    }
  }

  static List<Long> longs(String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }
}
