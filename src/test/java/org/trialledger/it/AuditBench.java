package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.support.AuditBenchResource;

/**
 * Not a test: the full-audit benchmark, run only by {@code mvn -Paudit-bench verify}. Generates a
 * log of {@code bench.entries} (default 1,000,000) entries straight into the tables (entries,
 * leaves, tree nodes, a signed checkpoint per 10,000), runs the full audit and, in the same server
 * JVM, SHA-256 over the same leaf and node bytes. The deployment recreates its database, as for
 * every integration test. Writes target/audit-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditBench {
  private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application().addClass(AuditBenchResource.class);
  }

  @ArquillianResource URL base;

  @Test
  void fullAuditAgainstRawSha256() throws Exception {
    ApiClient api = new ApiClient(base);
    long have =
        LedgerIT.count("SELECT COUNT(*) FROM ledger_entry WHERE artifact_type = 'BENCH_AUDIT'");
    long first;
    long generateMillis = 0;
    if (have < ENTRIES) {
      JsonObject g = post(api, "/api/it/audit-bench/generate?n=" + (ENTRIES - have));
      generateMillis = g.getJsonNumber("millis").longValue();
    }
    first =
        LedgerIT.count(
            "SELECT MIN(l.leaf_index) FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id"
                + " WHERE e.artifact_type = 'BENCH_AUDIT'");
    post(api, "/api/it/audit-bench/audit?first=" + first + "&n=" + 100_000); // warm-up
    JsonObject r = post(api, "/api/it/audit-bench/audit?first=" + first + "&n=" + ENTRIES);
    double auditRate =
        r.getJsonNumber("leaves").longValue() * 1000.0 / r.getJsonNumber("auditMillis").longValue();
    double hashRate = ENTRIES * 1000.0 / r.getJsonNumber("baselineMillis").doubleValue();
    String report =
        String.format(
            "Full-audit benchmark (%s, %d leaves, %d cores; generated in %d ms)%n"
                + "  full audit                %10.0f leaves/s  (%d ms, %s, %d discrepancies)%n"
                + "  SHA-256 leaves + nodes    %10.0f leaves/s  (MessageDigest, same JVM)%n"
                + "  ratio audit/SHA-256       %10.3f   (goal >= 0.5)%n",
            TestDatabase.isPostgres() ? "PostgreSQL" : "H2",
            r.getJsonNumber("leaves").longValue(),
            Runtime.getRuntime().availableProcessors(),
            generateMillis,
            auditRate,
            r.getJsonNumber("auditMillis").longValue(),
            r.getString("state"),
            r.getJsonNumber("discrepancies").longValue(),
            hashRate,
            auditRate / hashRate);
    System.out.println(report);
    Files.writeString(
        Path.of(System.getProperty("war.file")).resolveSibling("audit-bench.txt"), report);
  }

  private static JsonObject post(ApiClient api, String path) {
    HttpResponse<String> r = api.postJson(path, "", null, null);
    assertEquals(200, r.statusCode(), r.body());
    return LedgerIT.json(r.body());
  }
}
