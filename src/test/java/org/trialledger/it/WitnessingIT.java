package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.support.LedgerTestResource;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.AddCheckpointRequest;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.log.application.LogKeyFile;

/**
 * The log and three witnesses of the verifier jar on loopback (pom.xml configures their URLs and
 * keys, quorum 2 of 3): checkpoints get cosigned, one witness down still leaves them witnessed, two
 * down leaves them integrated but not witnessed (and no bundle claims a witness it lacks), and a
 * witness the log lost track of is brought up to date through the 409 path. Then an operator rolls
 * the log back by SQL, consistently: the witnesses refuse the forked log, the alarm shows, and the
 * verifier with --min-witnesses refuses its bundles. Last, a split view: a checkpoint of another
 * history of the log, shown to one witness only, is caught by that witness and by the quorum.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WitnessingIT {
  private static final Path JAR =
      Path.of(System.getProperty("war.file")).resolveSibling("trialledger-verifier.jar");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application().addClass(LedgerTestResource.class);
  }

  @ArquillianResource URL base;

  @AfterAll
  static void stopAll() throws Exception {
    ItWitnesses.stopAll();
  }

  private static CosignerKey key(int i) {
    return ItWitnesses.key(i);
  }

  @Test
  @Order(1)
  void quorumTwoOfThreeThroughOutagesAndCatchUp() throws Exception {
    NoteKey logKey = ItWitnesses.logKey();
    ItWitnesses.startAll();

    long size = grow();
    await(
        () -> cosigned(0) >= size && cosigned(1) >= size && cosigned(2) >= size,
        "all three witnesses cosign checkpoint " + size);
    assertTrue(witnessed() >= size);
    String note = api().get("/api/log/checkpoint").body();
    assertTrue(Checkpoint.open(note, logKey).size() >= size, "the log's own signature holds");
    for (int i = 0; i < 3; i++)
      assertTrue(key(i).verifier().verifyIn(note).isPresent(), ItWitnesses.NAMES[i] + ": " + note);
    assertTrue(page("/log.xhtml").contains("Witnessed up to size"), "the log page says so");

    ItWitnesses.stop(2); // one down: 2 of 3 still make the quorum
    long second = grow();
    await(() -> witnessed() >= second, "w1 and w2 cosign " + second + " with w3 down");
    assertTrue(cosigned(2) < second);

    ItWitnesses.stop(1); // two down: integration goes on, the checkpoint stays unwitnessed
    long third = grow();
    await(() -> cosigned(0) >= third, "w1 cosigns " + third);
    assertTrue(witnessed() < third, "one witness is not a quorum of two");
    String unwitnessed = api().get("/api/log/checkpoint").body();
    assertTrue(Checkpoint.open(unwitnessed, logKey).size() >= third);
    assertTrue(key(1).verifier().verifyIn(unwitnessed).isEmpty());
    // the newest entry's bundle: only the line of the witness that cosigned, and the verifier
    // asking for two refuses it, naming the one it found
    Path bundle = bundleOf(leafHashAt(third - 1));
    ProofBundle b = ProofBundle.parse(Files.readString(bundle));
    assertTrue(key(0).verifier().verifyIn(b.checkpoint()).isPresent(), b.checkpoint());
    assertTrue(key(1).verifier().verifyIn(b.checkpoint()).isEmpty(), b.checkpoint());
    assertTrue(key(2).verifier().verifyIn(b.checkpoint()).isEmpty(), b.checkpoint());
    Result refused = verifyWithWitnesses(bundle, 2);
    assertEquals(1, refused.exit(), refused.out());
    assertTrue(refused.out().contains("cosigned by w1.it.example/witness"), refused.out());

    // w3 comes back, but the log has lost track of it: it believes w3 never cosigned (old size 0);
    // w3 answers 409 with its size and the log retries from there
    sql("DELETE FROM witness_cosignature WHERE witness_key LIKE 'w3.%'");
    ItWitnesses.start(2, logKey);
    await(() -> witnessed() >= third, "w3 catches up through 409 and restores the quorum");
    assertTrue(cosigned(2) >= third);
    ItWitnesses.start(1, logKey);
    await(() -> cosigned(1) >= third, "w2 catches up from " + second);
    Result witnessedBundle = verifyWithWitnesses(bundleOf(leafHashAt(third - 1)), 2);
    assertEquals(0, witnessedBundle.exit(), witnessedBundle.out());
  }

  @Test
  @Order(2)
  void aRollbackBySqlIsRefusedByTheWitnessesAlarmedAndItsBundlesFail() throws Exception {
    ItWitnesses.startAll();
    long before = grow();
    await(
        () -> cosigned(0) >= before && cosigned(1) >= before && cosigned(2) >= before,
        "all three witnesses cosign " + before);
    long after = grow();
    await(
        () -> cosigned(0) >= after && cosigned(1) >= after && cosigned(2) >= after,
        "all three witnesses cosign " + after);
    assertEquals(
        0, verifyWithWitnesses(bundleOf(leafHashAt(after - 1)), 2).exit(), "witnessed bundle");

    // the operator sets the log back to `before`: entries, their artifacts, nodes, checkpoints
    // (with their cosignatures and anchors) and the head together, so that the log is internally
    // consistent and the server signs on top of it
    rollBackTo(before);
    long forked = grow();
    long forkedMore = grow(); // past `after`: the witnesses get a consistency proof that fails
    assertTrue(forkedMore > after, forkedMore + " > " + after);

    awaitHealthNaming("DOWN", "refused checkpoint");
    String page = page("/log.xhtml");
    assertTrue(page.contains("A witness refuses the log"), "the log page's banner");
    assertTrue(page("/verify.xhtml").contains("A witness refuses the log"), "the verify page");
    assertTrue(
        count("SELECT COUNT(*) FROM audit_event WHERE action = 'WITNESS_REFUSED'") >= 1,
        "the audit trail records the refusal");
    assertTrue(witnessed() <= before, "nothing of the forked log is witnessed");
    for (int i = 0; i < 3; i++) assertTrue(cosigned(i) <= before, "witness " + i);

    Path forkedBundle = bundleOf(leafHashAt(forked - 1));
    Result r = verifyWithWitnesses(forkedBundle, 2);
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.out().contains("0 of 3 witnesses cosigned, at least 2 required"), r.out());
  }

  /**
   * A split view: an operator who holds the log's signing key shows one witness a checkpoint of a
   * history the log never had (the real entries plus one of theirs). That witness cosigns it, as it
   * must: it has never seen anything else. The log's next checkpoint reaches it with a proof from
   * the forged tree that cannot hold, so it refuses and the alarm names it, while the other two
   * keep the quorum; and a bundle on the forged checkpoint carries one cosignature, which a
   * verifier asking for two refuses.
   */
  @Test
  @Order(3)
  void aSplitViewShownToOneWitnessIsCaught() throws Exception {
    ItWitnesses.stopAll(); // fresh witnesses: the rollback above left all three refusing
    ItWitnesses.startAll();
    long size = grow();
    await(
        () -> cosigned(0) >= size && cosigned(1) >= size && cosigned(2) >= size,
        "three fresh witnesses cosign " + size);
    long refusalsBefore =
        count("SELECT COUNT(*) FROM audit_event WHERE action = 'WITNESS_REFUSED'");

    // the operator's fork: the log's `size` leaves and one more, signed with the log's own key
    NoteKey logKey = ItWitnesses.logKey();
    NoteKey signer =
        NoteKey.signer(
            logKey.name(),
            LogKeyFile.loadOrCreate(
                Path.of(System.getProperty("war.file")).resolveSibling("it-log-signing.key")));
    InMemoryNodeStore nodes = new InMemoryNodeStore();
    MerkleTree fork = new MerkleTree(nodes);
    for (long i = 0; i < size; i++)
      nodes.put(fork.append(i, List.of(Hash.ofHex(leafHashAt(i)))).newNodes());
    nodes.put(
        fork.append(size, List.of(TreeHasher.leafHash("not in the log".getBytes()))).newNodes());
    String forged = new Checkpoint(logKey.name(), size + 1, fork.root(size + 1)).sign(signer);
    String w3Line =
        post(
            ItWitnesses.PORTS[2],
            new AddCheckpointRequest(size, fork.consistencyProof(size, size + 1), forged));

    long next = grow(); // the log's own checkpoint past the forged one
    await(() -> witnessed() >= next, "w1 and w2 witness the log's history");
    awaitHealthNaming("DOWN", "w3.it.example/witness");
    assertTrue(cosigned(2) < next, "w3 refuses the real history after the fork");
    assertTrue(
        count("SELECT COUNT(*) FROM audit_event WHERE action = 'WITNESS_REFUSED'") > refusalsBefore,
        "the audit trail records w3's refusal");

    // a bundle on the forged checkpoint: valid for anyone who trusts one witness, not for two
    ProofBundle real = ProofBundle.parse(Files.readString(bundleOf(leafHashAt(size - 1))));
    ProofBundle onFork =
        new ProofBundle(
            real.contentKind(),
            real.contentHash(),
            real.saltBase64(),
            real.record(),
            real.entry(),
            size - 1,
            size + 1,
            fork.inclusionProof(size - 1, size + 1),
            forged + w3Line,
            real.logKey(),
            List.of(),
            null,
            null);
    Path file = Files.createTempFile("split-view-bundle", ".json");
    Files.writeString(file, onFork.toJson(), StandardCharsets.UTF_8);
    Result one = verifyWithWitnesses(file, 1);
    assertEquals(0, one.exit(), "the forgery is otherwise perfect: " + one.out());
    Result two = verifyWithWitnesses(file, 2);
    assertEquals(1, two.exit(), two.out());
    assertTrue(two.out().contains("1 of 3 witnesses cosigned, at least 2 required"), two.out());
  }

  /** POSTs to a witness's add-checkpoint as anyone could; returns its cosignature line(s). */
  private static String post(int port, AddCheckpointRequest request) throws Exception {
    var r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/add-checkpoint"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.text()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** Deletes everything at or after leaf {@code size}, as an operator with SQL access could. */
  private static void rollBackTo(long size) throws Exception {
    try (Connection c = TestDatabase.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        assertEquals(
            0,
            count(
                "SELECT COUNT(*) FROM ledger_entry e LEFT JOIN ledger_leaf l ON l.entry_id = e.id"
                    + " WHERE (l.leaf_index >= "
                    + size
                    + " OR l.leaf_index IS NULL) AND e.artifact_type <> 'AUDIT_EVENT'"),
            "only audit records were added after " + size);
        s.executeQuery("SELECT tree_size FROM log_head WHERE id = 1 FOR UPDATE").close(); // the
        // integrator's lock: no batch is integrated while the log is set back
        String kept = "SELECT entry_id FROM ledger_leaf WHERE leaf_index < " + size;
        s.executeUpdate(
            "DELETE FROM audit_event WHERE CAST(id AS VARCHAR(100)) IN (SELECT artifact_id FROM"
                + " ledger_entry WHERE artifact_type = 'AUDIT_EVENT' AND id NOT IN ("
                + kept
                + "))");
        s.executeUpdate("DELETE FROM ledger_entry WHERE id NOT IN (" + kept + ")");
        s.executeUpdate("DELETE FROM ledger_leaf WHERE leaf_index >= " + size);
        s.executeUpdate(
            "DELETE FROM ledger_queue WHERE entry_id NOT IN (SELECT id FROM ledger_entry)");
        s.executeUpdate(
            "DELETE FROM tree_node WHERE (node_index + 1) * CAST(POWER(2, level) AS BIGINT) > "
                + size);
        s.executeUpdate("DELETE FROM witness_cosignature WHERE tree_size > " + size);
        s.executeUpdate(
            "DELETE FROM anchor_calendar WHERE anchor_id IN (SELECT id FROM anchor WHERE"
                + " tree_size > "
                + size
                + ")");
        s.executeUpdate("DELETE FROM anchor WHERE tree_size > " + size);
        s.executeUpdate("DELETE FROM checkpoint WHERE tree_size > " + size);
        s.executeUpdate(
            "UPDATE log_head SET tree_size = "
                + size
                + ", root_hash = (SELECT root_hash FROM checkpoint WHERE tree_size = "
                + size
                + ")");
      }
      c.commit();
    }
  }

  private long grow() throws Exception {
    assertEquals(
        200, api().postJson("/api/it/ledger/record?n=3&threads=1", "", null, null).statusCode());
    // the server may append entries of its own meanwhile (a witness's refusal is an audit
    // record): wait for a checkpoint that covers every entry, whichever size that turns out to be
    await(
        () ->
            count("SELECT COUNT(*) FROM ledger_queue") == 0
                && count("SELECT COUNT(*) FROM ledger_entry")
                    == count("SELECT MAX(tree_size) FROM checkpoint"),
        "a checkpoint covers every entry");
    return count("SELECT MAX(tree_size) FROM checkpoint");
  }

  private static String leafHashAt(long index) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.leaf_hash FROM ledger_entry e JOIN ledger_leaf l ON l.entry_id = e.id"
                    + " WHERE l.leaf_index = "
                    + index)) {
      assertTrue(rs.next(), "no leaf " + index);
      return rs.getString(1);
    }
  }

  private Path bundleOf(String leafHash) throws Exception {
    var r = api().get("/api/proofs/" + leafHash);
    assertEquals(200, r.statusCode(), r.body());
    Path file = Files.createTempFile("witnessing-bundle", ".json");
    Files.writeString(file, r.body(), StandardCharsets.UTF_8);
    return file;
  }

  private record Result(int exit, String out) {}

  /** The verifier jar, as a regulator runs it: the log key and all three witnesses' keys. */
  private static Result verifyWithWitnesses(Path bundle, int min) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "verify",
                bundle.toString(),
                "--key",
                ItWitnesses.logKey().verifierKey(),
                "--min-witnesses",
                String.valueOf(min)));
    for (int i = 0; i < 3; i++) command.addAll(List.of("--witness", key(i).verifierKey()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }

  private String page(String path) {
    var r = api().get(path);
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  private void awaitHealthNaming(String status, String text) throws Exception {
    ApiClient root =
        new ApiClient(new URL(base.getProtocol(), base.getHost(), base.getPort(), "/"));
    await(
        () -> {
          String body = root.get("/health").body();
          return LedgerIT.json(body).getString("status").equals(status) && body.contains(text);
        },
        "/health says " + status + " naming " + text);
  }

  private long witnessed() {
    return ItWitnesses.witnessedSize(api());
  }

  private long cosigned(int i) {
    return ItWitnesses.cosignedSize(api(), i);
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
