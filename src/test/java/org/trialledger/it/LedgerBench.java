package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.support.LedgerTestResource;

/**
 * Not a test: the benchmark of the persistent ledger, run only by {@code mvn -Pledger-bench
 * verify}. In one deployment on the test database it measures artifacts per second as plain INSERTs
 * (two ways: a JPA native query, the baseline since issue 18 was filed, and the same JDBC statement
 * the audit trail uses for its row) and through the audit trail with their ledger entries (same
 * rows, same threads), alternating the three, and the queue-to-checkpoint latency of the ledger
 * runs. Prints a table and writes target/ledger-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerBench {
  private static final int N = Integer.getInteger("bench.n", 4000);
  private static final int THREADS = Integer.getInteger("bench.threads", 16);
  private static final int ROUNDS = 3;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application().addClass(LedgerTestResource.class);
  }

  @ArquillianResource URL base;

  @Test
  void ledgerThroughputAgainstPlainInsertsAndLatency() throws Exception {
    ApiClient api = new ApiClient(base);
    run(api, "plain", 500);
    run(api, "jdbc", 500);
    run(api, "ledger", 500);
    drain();
    List<Double> plain = new ArrayList<>();
    List<Double> jdbc = new ArrayList<>();
    List<Double> ledger = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      plain.add(N * 1000.0 / run(api, "plain", N));
      jdbc.add(N * 1000.0 / run(api, "jdbc", N));
      long firstId = LedgerIT.count("SELECT COALESCE(MAX(id), 0) FROM ledger_entry");
      ledger.add(N * 1000.0 / run(api, "ledger", N));
      drain();
      latencies.addAll(latenciesAfter(firstId));
    }
    Collections.sort(latencies);
    double plainRate = median(plain);
    double jdbcRate = median(jdbc);
    double ledgerRate = median(ledger);
    String report =
        String.format(
            "Ledger benchmark (%s, %d artifacts x %d rounds, %d threads, %d cores)%n"
                + "  plain INSERT (JPA native) %8.0f artifacts/s  (rounds: %s)%n"
                + "  plain INSERT (JDBC)       %8.0f artifacts/s  (rounds: %s)%n"
                + "  through LedgerRecorder    %8.0f artifacts/s  (rounds: %s)%n"
                + "  ratio ledger/plain        %8.2f   (goal >= 0.70)%n"
                + "  ratio ledger/JDBC         %8.2f   (the same statement for the row)%n"
                + "  queue-to-checkpoint       p50 %d ms, p99 %d ms, max %d ms over %d entries (goal p99 <= 1000 ms)%n",
            TestDatabase.isPostgres() ? "PostgreSQL" : "H2",
            N,
            ROUNDS,
            THREADS,
            Runtime.getRuntime().availableProcessors(),
            plainRate,
            rounded(plain),
            jdbcRate,
            rounded(jdbc),
            ledgerRate,
            rounded(ledger),
            ledgerRate / plainRate,
            ledgerRate / jdbcRate,
            percentile(latencies, 50),
            percentile(latencies, 99),
            latencies.get(latencies.size() - 1),
            latencies.size());
    System.out.println(report);
    Files.writeString(
        Path.of(System.getProperty("war.file")).resolveSibling("ledger-bench.txt"), report);
  }

  private long run(ApiClient api, String mode, int n) {
    HttpResponse<String> r =
        api.postJson(
            "/api/it/ledger/bench?mode=" + mode + "&n=" + n + "&threads=" + THREADS,
            "",
            null,
            null);
    assertEquals(200, r.statusCode(), r.body());
    return LedgerIT.json(r.body()).getJsonNumber("millis").longValue();
  }

  private static void drain() throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0) {
      assertTrue(System.currentTimeMillis() < deadline);
      Thread.sleep(50);
    }
  }

  private static List<Long> latenciesAfter(long id) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.queued_at, l.integrated_at FROM ledger_entry e"
                    + " JOIN ledger_leaf l ON l.entry_id = e.id WHERE e.id > "
                    + id)) {
      while (rs.next()) {
        out.add(rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime());
      }
    }
    return out;
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static String rounded(List<Double> xs) {
    return xs.stream().map(x -> String.valueOf(Math.round(x))).toList().toString();
  }
}
