package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
      while (LedgerIT.count("SELECT COUNT(*) FROM ledger_entry WHERE leaf_index IS NULL") > 0) {
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
          LedgerIT.count("SELECT MAX(leaf_index) FROM ledger_entry"),
          "indices 0 … size − 1, no gap");
      JsonObject audit = LedgerAudits.run(new ApiClient(second.url()), "admin", "admin-demo-pw");
      assertEquals("PASSED", audit.getString("state"), audit.toString());
    }
  }
}
