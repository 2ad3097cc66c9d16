package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.support.LedgerTestResource;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.NodeId;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * Changes the database behind the application's back with SQL, runs the full audit through the API,
 * and checks that it names what was done; each test undoes its change, so each starts from an
 * untouched log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerTamperIT {
  private static final int ENTRIES = 24;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application().addClass(LedgerTestResource.class);
  }

  @ArquillianResource URL base;

  @BeforeEach
  void aLogOfSomeEntries() throws Exception {
    long have = LedgerIT.count("SELECT COUNT(*) FROM audit_event WHERE action = 'TEST'");
    if (have < ENTRIES) {
      assertEquals(
          200,
          api()
              .postJson(
                  "/api/it/ledger/record?n=" + (ENTRIES - have) + "&threads=4", "", null, null)
              .statusCode());
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0
        || LedgerIT.count("SELECT MAX(tree_size) FROM checkpoint")
            < LedgerIT.count("SELECT COUNT(*) FROM ledger_entry")) {
      assertTrue(System.currentTimeMillis() < deadline, "the integrator did not catch up");
      Thread.sleep(100);
    }
  }

  @Test
  void anUntouchedDatabaseHasNoDiscrepancy() throws Exception {
    JsonObject result = audit();
    assertEquals("PASSED", result.getString("state"), result.toString());
  }

  @Test
  void anEditedFieldOfAStoredArtifact() throws Exception {
    long id = LedgerIT.count("SELECT MIN(id) FROM audit_event WHERE action = 'TEST'");
    String original = LedgerIT.string("SELECT new_value FROM audit_event WHERE id = " + id);
    update("UPDATE audit_event SET new_value = 'forged' WHERE id = " + id);
    try {
      assertFinding(audit(), "ARTIFACT_CHANGED", "AUDIT_EVENT " + id + " v1");
    } finally {
      update("UPDATE audit_event SET new_value = '" + original + "' WHERE id = " + id);
    }
  }

  @Test
  void anEditedLeafHash() throws Exception {
    String original =
        LedgerIT.string("SELECT leaf_hash FROM ledger_entry WHERE id = " + ENTRY_AT + "3)");
    update(
        "UPDATE ledger_entry SET leaf_hash = '"
            + "ab".repeat(32)
            + "' WHERE id = "
            + ENTRY_AT
            + "3)");
    try {
      assertFinding(audit(), "LEAF_HASH_CHANGED", "at leaf 3 ");
    } finally {
      update(
          "UPDATE ledger_entry SET leaf_hash = '" + original + "' WHERE id = " + ENTRY_AT + "3)");
    }
  }

  @Test
  void aDeletedLeaf() throws Exception {
    Map<String, Object> row = row("SELECT * FROM ledger_entry WHERE id = " + ENTRY_AT + "5)");
    update("DELETE FROM ledger_entry WHERE id = " + ENTRY_AT + "5)");
    try {
      JsonObject result = audit();
      assertFinding(result, "INDEX_GAP", "leaf index 5");
      assertFinding(result, "ENTRY_MISSING", "AUDIT_EVENT " + row.get("artifact_id"));
    } finally {
      insert("ledger_entry", row);
    }
  }

  @Test
  void aLeafTakenFromItsEntry() throws Exception {
    // the entry is neither queued nor logged: it would never be integrated again
    Map<String, Object> leaf = row("SELECT * FROM ledger_leaf WHERE leaf_index = 4");
    update("DELETE FROM ledger_leaf WHERE leaf_index = 4");
    try {
      JsonObject result = audit();
      assertFinding(result, "INDEX_GAP", "leaf index 4");
      assertFinding(result, "INDEX_OUT_OF_RANGE", "entry " + leaf.get("entry_id"));
    } finally {
      insert("ledger_leaf", leaf);
    }
  }

  @Test
  void anIntegratedEntryQueuedAgain() throws Exception {
    long entry = LedgerIT.count("SELECT entry_id FROM ledger_leaf WHERE leaf_index = 2");
    update("INSERT INTO ledger_queue (entry_id) VALUES (" + entry + ")");
    try {
      assertFinding(audit(), "INDEX_OUT_OF_RANGE", "entry " + entry);
      assertEquals(
          1,
          LedgerIT.count("SELECT COUNT(*) FROM ledger_leaf WHERE entry_id = " + entry),
          "integrated once, not again");
    } finally {
      update("DELETE FROM ledger_queue WHERE entry_id = " + entry);
    }
  }

  @Test
  void twoSwappedLeaves() throws Exception {
    swap(6, 7);
    try {
      assertFinding(
          audit(),
          "TREE_NODE_CHANGED",
          "tree node level 1 index 3"); // the parent of leaves 6 and 7
    } finally {
      swap(6, 7);
    }
  }

  @Test
  void aForgedLeafInserted() throws Exception {
    long size = LedgerIT.count("SELECT tree_size FROM log_head");
    LedgerEntry forged =
        new LedgerEntry(
            LedgerEntry.Kind.HASH,
            "AUDIT_EVENT",
            "999999",
            1,
            Hash.sha256("forged".getBytes()),
            Instant.parse("2026-01-01T00:00:00Z"));
    Map<String, Object> row = new HashMap<>();
    row.put("id", 999_999L);
    row.put("artifact_type", "AUDIT_EVENT");
    row.put("artifact_id", "999999");
    row.put("artifact_version", 1);
    row.put("content_kind", "HASH");
    row.put("content_hash", forged.contentHash().hex());
    row.put("queued_at", Timestamp.from(forged.queuedAt()));
    row.put("entry_bytes", forged.encode());
    row.put("leaf_hash", forged.leafHash().hex());
    insert("ledger_entry", row);
    insertLeaf(999_999L, size, forged.queuedAt());
    try {
      JsonObject result = audit();
      assertFinding(result, "INDEX_OUT_OF_RANGE", "leaf index " + size);
      assertFinding(result, "ARTIFACT_MISSING", "AUDIT_EVENT 999999");
    } finally {
      update("DELETE FROM ledger_leaf WHERE entry_id = 999999");
      update("DELETE FROM ledger_entry WHERE id = 999999");
    }
  }

  @Test
  void aRewrittenTailWithRecomputedTreeButNoNewSignature() throws Exception {
    // The attacker forges the last entry, recomputes every tree node and the head, but cannot sign.
    List<byte[]> entries = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.entry_bytes FROM ledger_entry e"
                    + " JOIN ledger_leaf l ON l.entry_id = e.id ORDER BY l.leaf_index")) {
      while (rs.next()) entries.add(rs.getBytes(1));
    }
    int last = entries.size() - 1;
    LedgerEntry original = LedgerEntry.decode(entries.get(last));
    LedgerEntry forged =
        new LedgerEntry(
            original.kind(),
            original.artifactType(),
            original.artifactId(),
            original.version(),
            Hash.sha256("rewritten history".getBytes()),
            original.queuedAt());
    Map<NodeId, Hash> honest = allNodes(entries);
    List<byte[]> rewritten = new ArrayList<>(entries);
    rewritten.set(last, forged.encode());
    Map<NodeId, Hash> forgedNodes = allNodes(rewritten);
    String headRoot = LedgerIT.string("SELECT root_hash FROM log_head");
    writeEntry(last, forged.encode(), forged);
    writeNodes(forgedNodes, honest);
    update(
        "UPDATE log_head SET root_hash = '"
            + new MerkleTree(store(rewritten)).root(rewritten.size()).hex()
            + "'");
    try {
      JsonObject result = audit();
      assertFinding(result, "ROOT_MISMATCH", "checkpoint of size " + entries.size());
      assertFinding(result, "ARTIFACT_CHANGED", "at leaf " + last + " ");
      assertFinding(result, "UNSIGNED_HEAD", "log head"); // another root at the signed size
    } finally {
      writeEntry(last, entries.get(last), original);
      writeNodes(honest, forgedNodes);
      update("UPDATE log_head SET root_hash = '" + headRoot + "'");
    }
  }

  @Test
  void aReplacedCheckpoint() throws Exception {
    long size = LedgerIT.count("SELECT MIN(tree_size) FROM checkpoint WHERE tree_size > 0");
    String original = exactString("SELECT note FROM checkpoint WHERE tree_size = " + size);
    String origin = original.substring(0, original.indexOf('\n'));
    String impostor =
        new Checkpoint(origin, size, Hash.sha256("another root".getBytes()))
            .sign(NoteKey.signer(origin, new byte[32]));
    setNote(size, impostor);
    try {
      assertFinding(audit(), "CHECKPOINT_SIGNATURE", "checkpoint of size " + size);
    } finally {
      setNote(size, original);
    }
  }

  /**
   * Issue 15 finding 3, "an unsigned head": a forged leaf appended as the next leaf, with its tree
   * nodes and the head moved, and no checkpoint. The audit passed it and the next batch signed a
   * checkpoint over it; now the audit names UNSIGNED_HEAD, and the integrator refuses to extend the
   * head, says so on the log page and turns readiness DOWN.
   */
  @Test
  void anUnsignedExtensionOfTheHead() throws Exception {
    awaitHealth("UP", "database"); // after the tampering of earlier tests is undone
    long size = LedgerIT.count("SELECT tree_size FROM log_head");
    String headRoot = LedgerIT.string("SELECT root_hash FROM log_head");
    List<byte[]> entries = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.entry_bytes FROM ledger_entry e"
                    + " JOIN ledger_leaf l ON l.entry_id = e.id ORDER BY l.leaf_index")) {
      while (rs.next()) entries.add(rs.getBytes(1));
    }
    // A second entry for an audit record that exists, under another spelling of its id ("042"
    // for 42), so that its content checks out and it is unique: the head tells the forgery, and
    // so does the id, which is not the artifact's own.
    LedgerEntry copied =
        LedgerEntry.decode(
            exactBytes(
                "SELECT e.entry_bytes FROM ledger_entry e JOIN ledger_leaf l ON l.entry_id = e.id"
                    + " WHERE e.artifact_type = 'AUDIT_EVENT' ORDER BY l.leaf_index DESC LIMIT 1"));
    LedgerEntry forged =
        new LedgerEntry(
            copied.kind(),
            copied.artifactType(),
            "0" + copied.artifactId(),
            copied.version(),
            copied.contentHash(),
            Instant.parse("2026-01-01T00:00:00Z"));
    List<byte[]> extended = new ArrayList<>(entries);
    extended.add(forged.encode());
    Map<NodeId, Hash> honest = allNodes(entries);
    Map<NodeId, Hash> added = new HashMap<>(allNodes(extended));
    added.keySet().removeIf(id -> id.level() == 0 || honest.containsKey(id));
    long checkpoints = LedgerIT.count("SELECT COUNT(*) FROM checkpoint");
    long queuedBefore = LedgerIT.count("SELECT COUNT(*) FROM ledger_queue");
    try (Connection c = TestDatabase.connect()) {
      // Holding the head's lock, so that the integrator's next look sees the forged head and a
      // queued entry together.
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT tree_size FROM log_head FOR UPDATE").close();
      }
      Map<String, Object> row = forgedRow(forged);
      insert(c, "ledger_entry", row);
      insert(c, "ledger_leaf", leafRow(999_998L, size, forged.queuedAt()));
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO tree_node (level, node_index, hash) VALUES (?, ?, ?)")) {
        for (Map.Entry<NodeId, Hash> n : added.entrySet()) {
          p.setShort(1, (short) n.getKey().level());
          p.setLong(2, n.getKey().index());
          p.setString(3, n.getValue().hex());
          p.executeUpdate();
        }
      }
      try (PreparedStatement p =
          c.prepareStatement("UPDATE log_head SET tree_size = ?, root_hash = ?")) {
        p.setLong(1, size + 1);
        p.setString(2, new MerkleTree(store(extended)).root(extended.size()).hex());
        assertEquals(1, p.executeUpdate());
      }
      assertEquals(
          200, api().postJson("/api/it/ledger/record?n=1&threads=1", "", null, null).statusCode());
      c.commit();
    }
    try {
      JsonObject result = audit();
      assertFinding(result, "UNSIGNED_HEAD", "log head");
      assertFinding(
          result,
          "ARTIFACT_MISSING",
          "AUDIT_EVENT " + forged.artifactId() + " v" + forged.version());
      awaitHealth("DOWN", "leaves nobody signed");
      assertEquals(
          checkpoints,
          LedgerIT.count("SELECT COUNT(*) FROM checkpoint"),
          "the integrator signed over a tree it did not build");
      assertEquals(
          queuedBefore + 1,
          LedgerIT.count("SELECT COUNT(*) FROM ledger_queue"),
          "the new entry waits");
      assertTrue(api().get("/log.xhtml").body().contains("integrityAlarm"), "the log page says so");
    } finally {
      update("DELETE FROM ledger_leaf WHERE entry_id = 999998");
      update("DELETE FROM ledger_entry WHERE id = 999998");
      for (NodeId id : added.keySet()) {
        update(
            "DELETE FROM tree_node WHERE level = "
                + id.level()
                + " AND node_index = "
                + id.index());
      }
      update("UPDATE log_head SET tree_size = " + size + ", root_hash = '" + headRoot + "'");
    }
    awaitHealth("UP", "log-integrity");
  }

  /**
   * Issue 15 finding 3, the integrator's side: a stored tree node that the next append builds on is
   * changed, the head left alone. Before, the next batch signed a root computed from the forged
   * node; now the integrator refuses and readiness says why.
   */
  @Test
  void aChangedTreeNodeIsNotBuiltOn() throws Exception {
    awaitHealth("UP", "database");
    Map<String, Object> node =
        row(
            "SELECT level, node_index, hash FROM tree_node WHERE node_index = 0"
                + " ORDER BY level DESC LIMIT 1");
    String where =
        " WHERE level = " + node.get("level") + " AND node_index = " + node.get("node_index");
    long checkpoints = LedgerIT.count("SELECT COUNT(*) FROM checkpoint");
    update("UPDATE tree_node SET hash = '" + "cd".repeat(32) + "'" + where);
    try {
      assertEquals(
          200, api().postJson("/api/it/ledger/record?n=1&threads=1", "", null, null).statusCode());
      awaitHealth("DOWN", "the stored tree nodes give the root");
      assertEquals(
          checkpoints,
          LedgerIT.count("SELECT COUNT(*) FROM checkpoint"),
          "the integrator signed a root built on a forged node");
    } finally {
      update("UPDATE tree_node SET hash = '" + node.get("hash") + "'" + where);
    }
    awaitHealth("UP", "log-integrity");
  }

  /** Waits until /health's overall status is {@code status} and its answer names {@code text}. */
  private void awaitHealth(String status, String text) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      // MicroProfile Health answers at the server's root, not under the application's
      String body =
          new ApiClient(new URL(base.getProtocol(), base.getHost(), base.getPort(), "/"))
              .get("/health")
              .body();
      if (LedgerIT.json(body).getString("status").equals(status) && body.contains(text)) return;
      assertTrue(
          System.currentTimeMillis() < deadline,
          "/health never said " + status + " with " + text + ": " + body);
      Thread.sleep(100);
    }
  }

  private static Map<String, Object> forgedRow(LedgerEntry forged) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", 999_998L);
    row.put("artifact_type", forged.artifactType());
    row.put("artifact_id", forged.artifactId());
    row.put("artifact_version", forged.version());
    row.put("content_kind", forged.kind().name());
    row.put("content_hash", forged.contentHash().hex());
    row.put("queued_at", Timestamp.from(forged.queuedAt()));
    row.put("entry_bytes", forged.encode());
    row.put("leaf_hash", forged.leafHash().hex());
    return row;
  }

  private static Map<String, Object> leafRow(long entryId, long index, Instant at) {
    Map<String, Object> row = new HashMap<>();
    row.put("leaf_index", index);
    row.put("entry_id", entryId);
    row.put("integrated_at", Timestamp.from(at));
    return row;
  }

  private static void insertLeaf(long entryId, long index, Instant at) throws Exception {
    insert("ledger_leaf", leafRow(entryId, index, at));
  }

  private JsonObject audit() throws InterruptedException {
    return LedgerAudits.run(api(), "admin", "admin-demo-pw");
  }

  private static void assertFinding(JsonObject result, String kind, String whereContains) {
    assertEquals("FAILED", result.getString("state"), "the audit should fail: " + result);
    boolean found = false;
    for (JsonValue v : result.getJsonArray("discrepancies")) {
      JsonObject d = v.asJsonObject();
      if (d.getString("kind").equals(kind) && d.getString("where").contains(whereContains))
        found = true;
    }
    assertTrue(
        found,
        "expected "
            + kind
            + " at \""
            + whereContains
            + "\" in "
            + result.getJsonArray("discrepancies"));
  }

  private void swap(long a, long b) throws Exception {
    update("UPDATE ledger_leaf SET leaf_index = -1 WHERE leaf_index = " + a);
    update("UPDATE ledger_leaf SET leaf_index = " + a + " WHERE leaf_index = " + b);
    update("UPDATE ledger_leaf SET leaf_index = " + b + " WHERE leaf_index = -1");
  }

  private static Map<NodeId, Hash> allNodes(List<byte[]> entries) {
    return new MerkleTree(new InMemoryNodeStore())
        .append(0, entries.stream().map(TreeHasher::leafHash).toList())
        .newNodes();
  }

  private static InMemoryNodeStore store(List<byte[]> entries) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.put(allNodes(entries));
    return store;
  }

  private static void writeEntry(int index, byte[] bytes, LedgerEntry entry) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE ledger_entry SET entry_bytes = ?, content_hash = ?, leaf_hash = ?"
                    + " WHERE id = "
                    + ENTRY_AT
                    + "?)")) {
      p.setBytes(1, bytes);
      p.setString(2, entry.contentHash().hex());
      p.setString(3, TreeHasher.leafHash(bytes).hex());
      p.setLong(4, index);
      assertEquals(1, p.executeUpdate());
    }
  }

  private static void writeNodes(Map<NodeId, Hash> nodes, Map<NodeId, Hash> current)
      throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE tree_node SET hash = ? WHERE level = ? AND node_index = ?")) {
      for (Map.Entry<NodeId, Hash> e : nodes.entrySet()) {
        if (e.getValue().equals(current.get(e.getKey()))) continue;
        p.setString(1, e.getValue().hex());
        p.setShort(2, (short) e.getKey().level());
        p.setLong(3, e.getKey().index());
        p.executeUpdate();
      }
    }
  }

  private static void setNote(long size, String note) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement p =
            c.prepareStatement("UPDATE checkpoint SET note = ? WHERE tree_size = ?")) {
      p.setString(1, note);
      p.setLong(2, size);
      assertEquals(1, p.executeUpdate());
    }
  }

  private static byte[] exactBytes(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getBytes(1);
    }
  }

  /** A column's text exactly as stored (a signed note's final newline is part of it). */
  private static String exactString(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  /** Completed with a leaf index and ")": the id of the entry at that leaf. */
  private static final String ENTRY_AT = "(SELECT entry_id FROM ledger_leaf WHERE leaf_index = ";

  private static void update(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static Map<String, Object> row(String sql) throws Exception {
    Map<String, Object> row = new HashMap<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
    }
    return row;
  }

  private static void insert(String table, Map<String, Object> row) throws Exception {
    try (Connection c = TestDatabase.connect()) {
      insert(c, table, row);
    }
  }

  private static void insert(Connection c, String table, Map<String, Object> row) throws Exception {
    List<String> columns = new ArrayList<>(row.keySet());
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + "?, ".repeat(columns.size() - 1)
            + "?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) p.setObject(i + 1, row.get(columns.get(i)));
      assertEquals(1, p.executeUpdate());
    }
  }

  private ApiClient api() {
    return new ApiClient(base);
  }
}
