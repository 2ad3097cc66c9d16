package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.merkle.TilePath;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Issue 21: public reads from a PostgreSQL streaming replica. A real standby of the test's cluster
 * ({@code pg_basebackup -R}, started with {@code pg_ctl} as the {@code postgres} user on another
 * port, README "Running with a read replica"), and two lone Payara Micro instances reading from it:
 * {@code patient} uses the replica while it lags up to ten minutes, {@code strict} up to two
 * seconds. With replay paused, a trial published on the primary is not in the anonymous search of
 * {@code patient} (served by the replica) but is in the signed-in sponsor's (the primary), and in
 * {@code strict}'s once that one finds the replica too far behind; {@code /health} shows the lag;
 * the log's checkpoint, tiles and proofs fetched anonymously agree with each other, whichever
 * database answered. After replay resumes the trial appears; after the replica is stopped, every
 * public read is answered by the primary and the instances stay ready.
 */
class ReplicaIT {
  private static final String SPONSOR = "sponsor";
  private static final String SPONSOR_PW = "sponsor-demo-pw";
  private static final String REGULATOR = "regulator";
  private static final String REGULATOR_PW = "regulator-demo-pw";

  private static final List<AutoCloseable> started = new ArrayList<>();
  private static Path replicaHome;
  private static Path bin;
  private static int replicaPort;
  private static boolean replicaRunning;

  @BeforeAll
  static void startReplica() throws Exception {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "a streaming replica needs PostgreSQL");
    int major;
    List<String> primarySettings = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
        r.next();
        major = r.getInt(1) / 10000;
      }
      // a hot standby refuses to start with less of these than its primary has
      try (ResultSet r =
          s.executeQuery(
              "SELECT name, setting FROM pg_settings WHERE name IN ('max_connections',"
                  + " 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions',"
                  + " 'max_locks_per_transaction')")) {
        while (r.next()) primarySettings.add(r.getString(1) + " = " + r.getString(2));
      }
    }
    bin = Paths.get("/usr/lib/postgresql/" + major + "/bin");
    replicaPort = MicroProcess.freePort();
    replicaHome = Paths.get(asPostgres(null, "mktemp", "-d", "/tmp/trialledger-replica.XXXXXX"));
    Path data = replicaHome.resolve("data");
    // the whole cluster, read-only for it: other databases on it (other tests) are copied and
    // left alone
    asPostgres(
        null,
        bin.resolve("pg_basebackup").toString(),
        "-h",
        "127.0.0.1",
        "-p",
        "5432",
        "-U",
        "postgres",
        "-D",
        data.toString(),
        "-R",
        "-X",
        "stream",
        "-c",
        "fast");
    // Debian keeps the configuration outside the data directory: the copy has none of its own
    List<String> conf =
        new ArrayList<>(
            List.of(
                "port = " + replicaPort,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + replicaHome + "'",
                "hot_standby = on",
                "shared_buffers = 32MB"));
    conf.addAll(primarySettings);
    asPostgres(String.join("\n", conf) + "\n", "sh", "-c", "cat > " + data + "/postgresql.conf");
    asPostgres(
        "local all all trust\nhost all all 127.0.0.1/32 trust\n",
        "sh",
        "-c",
        "cat > " + data + "/pg_hba.conf");
    asPostgres(
        null,
        bin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        replicaHome.resolve("replica.log").toString(),
        "-w",
        "-t",
        "120",
        "start");
    replicaRunning = true;
    assertEquals("t", onReplica("SELECT pg_is_in_recovery()"), "a standby");
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("ReplicaIT: stopping " + started.get(i) + ": " + e);
      }
    }
    if (replicaHome == null) return;
    if (replicaRunning) stopReplica();
    asPostgres(null, "rm", "-rf", replicaHome.toString());
  }

  private static void stopReplica() throws Exception {
    asPostgres(
        null,
        bin.resolve("pg_ctl").toString(),
        "-D",
        replicaHome.resolve("data").toString(),
        "-m",
        "immediate",
        "-w",
        "stop");
    replicaRunning = false;
  }

  @Test
  void anonymousReadsComeFromTheReplicaSignedInReadsAndMissesFromThePrimary() throws Exception {
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("replica-it"));
    Path war = work.resolve("trialledger-replica.war");
    Deployments.application().as(ZipExporter.class).exportTo(war.toFile(), true);
    Path keyFile = work.resolve("log-signing.key");
    Files.deleteIfExists(keyFile);
    String database = TestDatabase.url().substring(TestDatabase.url().lastIndexOf('/') + 1);
    String readUrl = "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + database;

    MicroProcess patient = instance(war, work, "patient", readUrl, keyFile, 600_000);
    MicroProcess strict = instance(war, work, "strict", readUrl, keyFile, 2_000);
    patient.awaitReady(480_000);
    strict.awaitReady(480_000);
    ApiClient a = new ApiClient(patient.url());
    ApiClient b = new ApiClient(strict.url());
    awaitReplica(a, "patient", r -> "up".equals(r.get("state")));
    awaitReplica(b, "strict", r -> "up".equals(r.get("state")));
    // the demo trials reached the replica before replay stops
    awaitReplayed();

    // (a) replay paused: the primary moves on, the replica stays where it was
    onReplica("SELECT pg_wal_replay_pause()");
    awaitTrue(() -> "paused".equals(onReplica("SELECT pg_get_wal_replay_pause_state()")), "paused");
    Map<String, Object> before = awaitReplica(a, "patient", r -> true);
    String id = publishedTrial(a);

    String anonymous = search(a, id, null, null);
    assertFalse(
        anonymous.contains(id), "the replica has not replayed the publication: " + anonymous);
    assertTrue(
        search(a, id, SPONSOR, SPONSOR_PW).contains(id),
        "the sponsor reads the primary: sees what they published");
    // a trial the replica lacks is looked up on the primary
    HttpResponse<String> page = a.get("/api/trials/" + id);
    assertEquals(200, page.statusCode(), page.body());

    // (b) the lag grows on /health; the instance stays ready
    Map<String, Object> paused =
        awaitReplica(
            a, "patient", r -> number(r, "lagMillis") >= 2_000 && number(r, "lagBytes") > 0);
    assertEquals("true", String.valueOf(paused.get("replayPaused")), String.valueOf(paused));
    assertEquals("up", paused.get("state"), "patient tolerates ten minutes: " + paused);
    assertEquals(200, a.get("/health/ready").statusCode());
    System.out.println("ReplicaIT: before the pause " + before + "; paused " + paused);
    // strict tolerates two seconds: it finds the replica lagging and reads the primary
    Map<String, Object> lagging = awaitReplica(b, "strict", r -> "lagging".equals(r.get("state")));
    assertEquals("primary", lagging.get("publicReads"), String.valueOf(lagging));
    assertTrue(search(b, id, null, null).contains(id), "strict reads the primary");
    assertEquals(200, b.get("/health/ready").statusCode(), "a lagging replica is not unready");
    // still paused: patient's anonymous search still comes from the replica
    assertFalse(search(a, id, null, null).contains(id), "still from the replica");

    // (d) the log read anonymously while the replica lags agrees with itself
    logReadsAgree(a);

    // replay resumed: the publication reaches the replica and the anonymous search
    onReplica("SELECT pg_wal_replay_resume()");
    awaitTrue(() -> search(a, id, null, null).contains(id), "the trial in the anonymous search");
    awaitReplica(a, "patient", r -> number(r, "lagMillis") == 0);
    awaitReplica(b, "strict", r -> "up".equals(r.get("state")));

    // (c) the replica stops: the primary answers every public read, both stay ready
    stopReplica();
    for (ApiClient client : List.of(a, b)) {
      HttpResponse<String> search = client.get("/api/trials?q=" + id);
      assertEquals(200, search.statusCode(), search.body());
      assertTrue(search.body().contains(id), search.body());
      assertEquals(200, client.get("/log/checkpoint").statusCode());
      assertEquals(200, client.get("/registry/index.xhtml?q=" + id).statusCode());
    }
    Map<String, Object> down = awaitReplica(a, "patient", r -> "down".equals(r.get("state")));
    System.out.println("ReplicaIT: replica stopped " + down);
    assertEquals("primary", down.get("publicReads"));
    assertTrue(String.valueOf(down.get("error")).contains("refused"), String.valueOf(down));
    for (ApiClient client : List.of(a, b)) {
      HttpResponse<String> health = client.get("/health/ready");
      assertEquals(200, health.statusCode(), "a dead replica is not unready: " + health.body());
      assertEquals(200, client.get("/api/trials?q=" + id).statusCode());
      assertEquals(200, client.get("/api/trials/" + id).statusCode());
    }
    for (String name : List.of("patient", "strict")) {
      String log = Files.readString(work.resolve(name + ".log"), StandardCharsets.UTF_8);
      assertTrue(log.contains("Read replica is down"), name + " logged the replica going down");
    }
  }

  /**
   * The checkpoint anonymous clients get from the paused replica, and the primary's newer one: the
   * tiles of each tree hash to its root, and proofs against the newer tree (which only the primary
   * has) verify against it and against the older one.
   */
  private static void logReadsAgree(ApiClient api) throws Exception {
    String vkey = (String) json(api.get("/api/log/key").body()).get("vkey");
    NoteKey key = NoteKey.parseVerifier(vkey);
    long primarySize = Long.parseLong(LedgerIT.string("SELECT MAX(tree_size) FROM checkpoint"));
    Checkpoint old = Checkpoint.open(api.get("/log/checkpoint").body(), key);
    awaitTrue(
        () -> Long.parseLong(LedgerIT.string("SELECT MAX(tree_size) FROM checkpoint")) > old.size(),
        "a checkpoint on the primary newer than the replica's");
    long newSize = Long.parseLong(LedgerIT.string("SELECT MAX(tree_size) FROM checkpoint"));
    assertTrue(newSize >= primarySize);
    Checkpoint again = Checkpoint.open(api.get("/api/log/checkpoint").body(), key);
    assertEquals(old.size(), again.size(), "the API's checkpoint is the replica's too");
    assertEquals(old.root(), root(leafHashes(api, old.size())), "the replica's tiles, its root");

    // what only the primary has: the tree of newSize, asked for anonymously
    Hash newRoot = root(leafHashes(api, newSize));
    Map<String, Object> inclusion =
        json(api.get("/api/log/proof/inclusion?leaf=" + (newSize - 1) + "&size=" + newSize).body());
    assertEquals(newRoot.hex(), inclusion.get("rootHash"), "the proof's root, the tiles' root");
    List<Hash> leaves = leafHashes(api, newSize);
    ProofVerifier.verifyInclusion(
        newSize - 1, newSize, leaves.get((int) newSize - 1), hashes(inclusion), newRoot);
    Map<String, Object> consistency =
        json(api.get("/api/log/proof/consistency?old=" + old.size() + "&new=" + newSize).body());
    ProofVerifier.verifyConsistency(old.size(), newSize, old.root(), newRoot, hashes(consistency));
    String newNote = api.get("/api/log/checkpoint/" + newSize).body();
    assertEquals(newRoot, Checkpoint.open(newNote, key).root(), "the primary's signed root");
    System.out.printf(
        "ReplicaIT: replica's checkpoint %d, primary's %d: tiles, inclusion and consistency agree%n",
        old.size(), newSize);
  }

  /** The leaf hashes of the tree of {@code size}, from its level-0 tiles. */
  private static List<Hash> leafHashes(ApiClient api, long size) {
    List<Hash> out = new ArrayList<>();
    for (long k = 0; k * TilePath.FULL < size; k++) {
      int width = (int) Math.min(TilePath.FULL, size - k * TilePath.FULL);
      String path = "/log/" + new TilePath(0, k, width).path();
      HttpResponse<byte[]> tile = api.getBytes(path);
      assertEquals(200, tile.statusCode(), path);
      byte[] body = tile.body();
      assertEquals(width * Hash.LENGTH, body.length, path);
      for (int i = 0; i < width; i++)
        out.add(
            Hash.of(java.util.Arrays.copyOfRange(body, i * Hash.LENGTH, (i + 1) * Hash.LENGTH)));
    }
    return out;
  }

  /** RFC 9162 MTH over leaf hashes. */
  private static Hash root(List<Hash> leaves) {
    if (leaves.size() == 1) return leaves.get(0);
    int split = Integer.highestOneBit(leaves.size() - 1);
    return TreeHasher.nodeHash(
        root(leaves.subList(0, split)), root(leaves.subList(split, leaves.size())));
  }

  @SuppressWarnings("unchecked")
  private static List<Hash> hashes(Map<String, Object> proof) {
    return ((List<Object>) proof.get("hashes")).stream().map(h -> Hash.ofHex((String) h)).toList();
  }

  /** A trial created, submitted and published through the API (on the primary). */
  private static String publishedTrial(ApiClient api) {
    HttpResponse<String> created =
        api.postJson("/api/trials", RegistryFixtures.completeRecordJson(), SPONSOR, SPONSOR_PW);
    assertEquals(201, created.statusCode(), created.body());
    String id = (String) json(created.body()).get("registryId");
    HttpResponse<String> submitted =
        api.postJson("/api/trials/" + id + "/submit", "{}", SPONSOR, SPONSOR_PW);
    assertEquals(201, submitted.statusCode(), submitted.body());
    HttpResponse<String> published =
        api.postJson("/api/trials/" + id + "/versions/1/publish", "", REGULATOR, REGULATOR_PW);
    assertEquals(200, published.statusCode(), published.body());
    return id;
  }

  private static String search(ApiClient api, String id, String user, String password) {
    HttpResponse<String> r =
        user == null
            ? api.get("/api/trials?q=" + id)
            : api.get("/api/trials?q=" + id, user, password);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** The data of the {@code database-replica} check once {@code until} holds. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> awaitReplica(
      ApiClient api, String name, Predicate<Map<String, Object>> until) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    Map<String, Object> data = Map.of();
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> health = api.get("/health");
      for (Object check : (List<Object>) json(health.body()).get("checks")) {
        Map<String, Object> c = (Map<String, Object>) check;
        if ("database-replica".equals(c.get("name"))) {
          assertEquals("UP", c.get("status"), "the replica check never makes one unready");
          data = (Map<String, Object>) c.get("data");
        }
      }
      if (until.test(data)) return data;
      Thread.sleep(500);
    }
    throw new AssertionError(name + ": the replica as /health last showed it: " + data);
  }

  /** Until the replica has replayed everything the primary has written so far. */
  private static void awaitReplayed() throws Exception {
    String target = LedgerIT.string("SELECT pg_current_wal_lsn()::text");
    awaitTrue(
        () ->
            "t"
                .equals(
                    onReplica(
                        "SELECT pg_last_wal_replay_lsn() >= CAST('" + target + "' AS pg_lsn)")),
        "replayed up to " + target);
  }

  private static long number(Map<String, Object> data, String field) {
    // Payara's health document may give data as strings or numbers
    Object v = data.get(field);
    if (v instanceof Number n) return n.longValue();
    return v == null ? -1 : Long.parseLong(v.toString());
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(Condition condition, String what) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.holds()) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("never: " + what);
      Thread.sleep(250);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    return (Map<String, Object>) JsonParser.parse(body);
  }

  private static String onReplica(String sql) throws SQLException {
    String database = TestDatabase.url().substring(TestDatabase.url().lastIndexOf('/') + 1);
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + database, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      return r.next() ? String.valueOf(r.getString(1)) : null;
    }
  }

  private MicroProcess instance(
      Path war, Path work, String name, String readUrl, Path keyFile, long maxLagMillis)
      throws IOException {
    Path log = work.resolve(name + ".log");
    Files.deleteIfExists(log);
    MicroProcess p =
        MicroProcess.start(
            war,
            MicroProcess.freePort(),
            log,
            Map.of(
                "TRIALLEDGER_LEDGER_KEY_FILE",
                keyFile.toString(),
                "TRIALLEDGER_DEMO_TRIALS",
                "true",
                "TRIALLEDGER_DB_READ_URL",
                readUrl,
                "TRIALLEDGER_DB_READ_USER",
                "postgres",
                "TRIALLEDGER_DB_READ_MAX_LAG_MS",
                String.valueOf(maxLagMillis)));
    started.add(p);
    return p;
  }

  /**
   * Runs a command as the {@code postgres} user (runuser as root, else sudo without a password),
   * with {@code stdin} as its input; returns its output, trimmed; fails on a non-zero exit.
   */
  private static String asPostgres(String stdin, String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    } else {
      full.addAll(List.of("sudo", "-n", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + full);
    }
    if (p.exitValue() != 0)
      throw new IllegalStateException(full + " exited with " + p.exitValue() + ": " + out);
    return out;
  }
}
