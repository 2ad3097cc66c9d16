package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import org.trialledger.it.support.LedgerTestResource;

/**
 * The server is killed with SIGKILL while writers are committing artifacts; after a restart on the
 * same database no committed artifact lacks its leaf, no leaf lacks its artifact, the indices have
 * no gap, and the full audit passes.
 */
class LedgerCrashIT {

  @Test
  void killedUnderWriteLoadTheLogRecoversConsistent() throws Exception {
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("crash-it"));
    Path war = work.resolve("trialledger-crash.war");
    Deployments.application()
        .addClass(LedgerTestResource.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    Path log = work.resolve("payara.log");
    int port = MicroProcess.freePort();

    AtomicInteger committedCalls = new AtomicInteger();
    try (MicroProcess first = MicroProcess.start(war, port, log)) {
      first.awaitReady(180_000);
      ApiClient api = new ApiClient(first.url());
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService writers = Executors.newFixedThreadPool(6);
      for (int t = 0; t < 6; t++) {
        writers.submit(
            () -> {
              while (running.get()) {
                try {
                  if (api.postJson("/api/it/ledger/record?n=5&threads=2", "", null, null)
                          .statusCode()
                      == 200) committedCalls.incrementAndGet();
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
      }
      Thread.sleep(4_000);
      first.kill();
      running.set(false);
      writers.shutdown();
      assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
    }
    assertTrue(committedCalls.get() > 0, "some writes committed before the kill");

    try (MicroProcess second = MicroProcess.start(war, port, log)) {
      second.awaitReady(180_000);
      long deadline = System.currentTimeMillis() + 60_000;
      while (LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0) {
        assertTrue(
            System.currentTimeMillis() < deadline,
            "the queue left by the crash was not integrated");
        Thread.sleep(200);
      }
      long loadRecords = LedgerIT.count("SELECT COUNT(*) FROM audit_event WHERE action = 'TEST'");
      assertTrue(loadRecords >= 5L * committedCalls.get(), "every acknowledged write survived");
      assertEquals(
          0,
          LedgerIT.count(
              "SELECT COUNT(*) FROM audit_event a WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e"
                  + " WHERE e.artifact_type = 'AUDIT_EVENT' AND e.artifact_id = CAST(a.id AS VARCHAR(100)))"),
          "an artifact without its leaf");
      assertEquals(
          0,
          LedgerIT.count(
              "SELECT COUNT(*) FROM ledger_entry e WHERE e.artifact_type = 'AUDIT_EVENT' AND NOT EXISTS"
                  + " (SELECT 1 FROM audit_event a WHERE CAST(a.id AS VARCHAR(100)) = e.artifact_id)"),
          "a leaf without its artifact");
      long size = LedgerIT.count("SELECT tree_size FROM log_head");
      assertEquals(size, LedgerIT.count("SELECT COUNT(*) FROM ledger_entry"));
      assertEquals(
          size - 1,
          LedgerIT.count("SELECT MAX(leaf_index) FROM ledger_leaf"),
          "indices 0 … size − 1, no gap");
      JsonObject audit = LedgerAudits.run(new ApiClient(second.url()), "admin", "admin-demo-pw");
      assertEquals("PASSED", audit.getString("state"), audit.toString());
    }
  }

  /**
   * Issue 15: the integrator killed with SIGKILL after it wrote a batch's leaf indices, tree nodes,
   * checkpoint row and head, before its transaction committed. Integration is one transaction, so
   * the kill leaves the head at the last signed checkpoint and the batch queued; the restart
   * integrates the same entries in the same order (the same tree) and signs it. A PostgreSQL
   * trigger on the head's update holds the integrator at its last write until the test kills it.
   */
  @Test
  void killedBetweenWritingTheTreeAndCommittingItsCheckpoint() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "the integrator is held by a PostgreSQL trigger");
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("crash-it"));
    Path war = work.resolve("trialledger-crash-batch.war");
    Deployments.application()
        .addClass(LedgerTestResource.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    Path log = work.resolve("payara-batch.log");
    int port = MicroProcess.freePort();
    int batch = 7;
    long size;
    String root;
    long checkpoints;
    long nodes;
    try (MicroProcess first = MicroProcess.start(war, port, log)) {
      first.awaitReady(180_000);
      awaitEmptyQueue();
      try (Connection holder = TestDatabase.connect();
          Statement s = holder.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + HOLD + ")");
        s.execute(
            "CREATE FUNCTION it_hold_integration() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " PERFORM pg_advisory_lock("
                + HOLD
                + "); PERFORM pg_advisory_unlock("
                + HOLD
                + "); RETURN NEW; END $$");
        s.execute(
            "CREATE TRIGGER it_hold_integration AFTER UPDATE ON log_head FOR EACH ROW"
                + " EXECUTE FUNCTION it_hold_integration()");
        size = LedgerIT.count("SELECT tree_size FROM log_head");
        root = LedgerIT.string("SELECT root_hash FROM log_head");
        checkpoints = LedgerIT.count("SELECT COUNT(*) FROM checkpoint");
        nodes = LedgerIT.count("SELECT COUNT(*) FROM tree_node");
        assertEquals(
            200,
            new ApiClient(first.url())
                .postJson("/api/it/ledger/record?n=" + batch + "&threads=1", "", null, null)
                .statusCode());
        long integrator = awaitHeldIntegrator();
        first.kill();
        s.execute("SELECT pg_advisory_unlock(" + HOLD + ")");
        long deadline = System.currentTimeMillis() + 60_000;
        while (LedgerIT.count("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + integrator)
            > 0) {
          assertTrue(
              System.currentTimeMillis() < deadline, "the killed server's session did not end");
          Thread.sleep(100);
        }
        s.execute("DROP TRIGGER it_hold_integration ON log_head");
        s.execute("DROP FUNCTION it_hold_integration()");
      }
    }
    assertEquals(size, LedgerIT.count("SELECT tree_size FROM log_head"), "the head did not move");
    assertEquals(root, LedgerIT.string("SELECT root_hash FROM log_head"));
    assertEquals(checkpoints, LedgerIT.count("SELECT COUNT(*) FROM checkpoint"));
    assertEquals(nodes, LedgerIT.count("SELECT COUNT(*) FROM tree_node"), "no node survived");
    assertEquals(
        batch, LedgerIT.count("SELECT COUNT(*) FROM ledger_queue"), "the batch is queued again");

    try (MicroProcess second = MicroProcess.start(war, port, log)) {
      second.awaitReady(180_000); // readiness includes the head being the newest signed checkpoint
      awaitEmptyQueue();
      assertEquals(
          batch,
          LedgerIT.count(
              "SELECT COUNT(*) FROM ledger_entry e JOIN ledger_leaf l ON l.entry_id = e.id"
                  + " WHERE l.leaf_index >= "
                  + size
                  + " AND l.leaf_index < "
                  + (size + batch)
                  + " AND e.artifact_type = 'AUDIT_EVENT'"),
          "the killed batch, integrated after the leaves signed before it");
      assertEquals(
          LedgerIT.count("SELECT tree_size FROM log_head"),
          LedgerIT.count("SELECT MAX(tree_size) FROM checkpoint"),
          "the head is the newest signed checkpoint");
      assertEquals(
          LedgerIT.string("SELECT root_hash FROM log_head"),
          LedgerIT.string(
              "SELECT root_hash FROM checkpoint WHERE tree_size = (SELECT tree_size FROM log_head)"));
      JsonObject audit = LedgerAudits.run(new ApiClient(second.url()), "admin", "admin-demo-pw");
      assertEquals("PASSED", audit.getString("state"), audit.toString());
    }
  }

  /** The advisory lock the test holds the integrator on. */
  private static final int HOLD = 15_003;

  /** Waits until the integrator's session waits for {@link #HOLD}; returns its process id. */
  private static long awaitHeldIntegrator() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      long pid =
          LedgerIT.count(
              "SELECT COALESCE(MAX(pid), 0) FROM pg_locks WHERE locktype = 'advisory'"
                  + " AND NOT granted AND objid = "
                  + HOLD);
      if (pid > 0) return pid;
      assertTrue(System.currentTimeMillis() < deadline, "the integrator never reached the head");
      Thread.sleep(100);
    }
  }

  private static void awaitEmptyQueue() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0) {
      assertTrue(System.currentTimeMillis() < deadline, "the queue was not integrated");
      Thread.sleep(200);
    }
  }
}
