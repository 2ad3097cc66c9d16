package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: the public search benchmark, run only by {@code mvn -Pregistry-bench verify}. Loads
 * 100,000 generated published trials into the test database (PostgreSQL), then wrk with 50
 * connections queries for a fixed time: the search API and the search page, each with 4,000
 * distinct queries (src/test/resources/bench/registry-search.lua), and as the baseline in the same
 * run a trivial endpoint (the current checkpoint). Prints p50/p95/p99 and the server's CPU time per
 * request, and writes target/registry-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrySearchBench {
  private static final int TRIALS = Integer.getInteger("bench.trials", 100_000);
  private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

  /** -Dbench.jfr=true: JFR (settings=profile) records the server during the measured runs. */
  private static final boolean JFR = Boolean.getBoolean("bench.jfr");

  static final String[] CONDITIONS = {
    "asthma",
    "psoriasis",
    "diabetes",
    "hypertension",
    "melanoma",
    "migraine",
    "obesity",
    "depression",
    "schizophrenia",
    "epilepsy",
    "COPD",
    "sepsis",
    "malaria",
    "tuberculosis",
    "HIV",
    "hepatitis",
    "lupus",
    "arthritis",
    "glaucoma",
    "stroke",
    "leukemia",
    "lymphoma",
    "anemia",
    "insomnia",
    "dementia",
    "influenza",
    "eczema",
    "gout",
    "osteoporosis",
    "pneumonia"
  };
  static final String[] INTERVENTIONS = {
    "metformin", "placebo", "aspirin", "exercise", "vaccine", "surgery", "insulin", "statin",
        "antibody", "counselling",
    "acupuncture", "diet", "radiotherapy", "stent", "probiotic", "vitamin", "app", "yoga", "laser",
        "inhaler"
  };
  static final String[] STATUSES = {
    "RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "TERMINATED"
  };
  static final String[] PHASES = {"PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA", "PHASE1,PHASE2"};
  static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "SE", "IT", "ES", "NL", "JP", "BR"};

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void publicSearchLatencyAt50ConcurrentClients() throws Exception {
    long loadStart = System.nanoTime();
    load(TRIALS);
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    ApiClient api = new ApiClient(base);
    assertEquals(200, api.get("/api/trials?q=asthma").statusCode());

    // warm up every path, then measure baseline, search API and search page in turn, each with
    // wrk (C, two threads) so that the load generator takes little of the server's two cores
    Path script = Path.of("src/test/resources/bench/registry-search.lua").toAbsolutePath();
    wrk(script, "baseline", 5);
    wrk(script, "api", 5);
    wrk(script, "page", 5);
    ServerProcess server = ServerProcess.find();
    if (JFR) server.jcmd("JFR.start", "name=bench", "settings=profile");
    Result baseline = wrk(script, "baseline", SECONDS, server);
    Result searchApi = wrk(script, "api", SECONDS, server);
    Result searchPage = wrk(script, "page", SECONDS, server);
    if (JFR) {
      Path jfr = Path.of("target", "registry-bench.jfr").toAbsolutePath();
      server.jcmd("JFR.stop", "name=bench", "filename=" + jfr);
    }

    String report =
        String.format(
            Locale.ROOT,
            "Registry search benchmark: %,d published trials (loaded in %.0f s), wrk with %d connections, %d s per run, PostgreSQL%n"
                + "%-34s %9s %9s %9s %9s %10s %10s%n%s%n%s%n%s%n"
                + "search API p95 / baseline p95 = %.1f; search page p95 / baseline p95 = %.1f%n"
                + "server CPU per request / baseline's: search API %.1f, search page %.1f%s%n",
            TRIALS,
            loadSeconds,
            CLIENTS,
            SECONDS,
            "run",
            "requests",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "req/s",
            "CPU ms/req",
            baseline.line("baseline: GET /api/log/checkpoint"),
            searchApi.line("GET /api/trials (4,000 queries)"),
            searchPage.line("GET /registry/index.xhtml (4,000)"),
            searchApi.p95() / baseline.p95(),
            searchPage.p95() / baseline.p95(),
            searchApi.cpuPerRequest() / baseline.cpuPerRequest(),
            searchPage.cpuPerRequest() / baseline.cpuPerRequest(),
            JFR ? " (recorded by JFR: target/registry-bench.jfr)" : "");
    System.out.println(report);
    Files.writeString(Path.of("target", "registry-bench.txt"), report);
  }

  /**
   * Generated trials straight into the tables the search reads (the published projection), in
   * batches.
   */
  private static void load(int n) throws Exception {
    Random r = new Random(42);
    try (Connection c = TestDatabase.connect()) {
      c.setAutoCommit(false);
      long orgId;
      try (Statement s = c.createStatement();
          var rs =
              s.executeQuery(
                  "SELECT id FROM organisation WHERE kind = 'SPONSOR' ORDER BY id LIMIT 1")) {
        rs.next();
        orgId = rs.getLong(1);
      }
      String sql =
          "INSERT INTO trial (registry_id, sponsor_organisation_id, status, draft_json, draft_updated_at, draft_updated_by, created_at, created_by,"
              + " registered_at, published_version, public_title, scientific_title, sponsor_name, recruitment_status, study_type, phases, start_date, start_date_text,"
              + " conditions_text, interventions_text, search_text) VALUES (?, ?, 'PUBLISHED', '{}', ?, 'bench', ?, 'bench', ?, 1, ?, ?, ?, ?, 'INTERVENTIONAL', ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement trial = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
          PreparedStatement country =
              c.prepareStatement("INSERT INTO trial_country (trial_id, country) VALUES (?, ?)")) {
        for (int i = 1; i <= n; i++) {
          String condition = CONDITIONS[r.nextInt(CONDITIONS.length)];
          String intervention = INTERVENTIONS[r.nextInt(INTERVENTIONS.length)];
          String title =
              "Effect of " + intervention + " on " + condition + " in adults, study " + i;
          String sponsor = "Sponsor " + (i % 400);
          Timestamp at =
              Timestamp.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 600L));
          trial.setString(1, String.format("TLR-B%07d-0", i));
          trial.setLong(2, orgId);
          trial.setTimestamp(3, at);
          trial.setTimestamp(4, at);
          trial.setTimestamp(5, at);
          trial.setString(6, title);
          trial.setString(
              7, "A randomised study of " + intervention + " versus standard care in " + condition);
          trial.setString(8, sponsor);
          trial.setString(9, STATUSES[r.nextInt(STATUSES.length)]);
          trial.setString(10, PHASES[r.nextInt(PHASES.length)]);
          LocalDate start = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(4000));
          trial.setDate(11, Date.valueOf(start));
          trial.setString(12, start.toString());
          trial.setString(13, condition);
          trial.setString(14, intervention);
          trial.setString(15, String.join(" ", title, condition, intervention, sponsor));
          trial.addBatch();
          if (i % 1000 == 0 || i == n) {
            trial.executeBatch();
            List<Long> ids = new ArrayList<>();
            try (var keys = trial.getGeneratedKeys()) {
              while (keys.next()) ids.add(keys.getLong(1));
            }
            for (long id : ids) {
              List<String> cs = new ArrayList<>(List.of(COUNTRIES));
              Collections.shuffle(cs, r);
              for (String code : cs.subList(0, 1 + r.nextInt(3))) {
                country.setLong(1, id);
                country.setString(2, code);
                country.addBatch();
              }
            }
            country.executeBatch();
            c.commit();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE trial");
        s.execute("ANALYZE trial_country");
      }
      c.commit();
    }
  }

  /**
   * One wrk run of the script's mode; every answer must be a 2xx (wrk counts the others as errors).
   */
  private Result wrk(Path script, String mode, int seconds) throws Exception {
    return wrk(script, mode, seconds, null);
  }

  /**
   * One wrk run; with the server's process, also the CPU time (user + system) it spent during the
   * run, per request: on a machine shared with other work this is steadier than the latencies.
   */
  private Result wrk(Path script, String mode, int seconds, ServerProcess server) throws Exception {
    long cpuBefore = server == null ? -1 : server.cpuNanos();
    String address = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    List<String> command =
        List.of(
            "wrk",
            "-t2",
            "-c" + CLIENTS,
            "-d" + seconds + "s",
            "--timeout",
            "30s",
            "-s",
            script.toString(),
            address,
            "--",
            mode,
            base.getPath());
    Process wrk;
    try {
      wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      throw new IllegalStateException(
          "The benchmark needs wrk (Debian: apt-get install wrk)", notInstalled);
    }
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) throw new IllegalStateException("wrk failed: " + out);
    long cpu = cpuBefore < 0 ? -1 : server.cpuNanos() - cpuBefore;
    Matcher m =
        Pattern.compile(
                "RESULT requests=(\\d+) errors=(\\d+) non2xx=(\\d+) p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) rps=([\\d.]+)")
            .matcher(out);
    if (!m.find()) throw new IllegalStateException("no result from wrk: " + out);
    if (Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)) > 0) {
      throw new IllegalStateException("failed requests in the " + mode + " run: " + out);
    }
    return new Result(
        Long.parseLong(m.group(1)),
        Double.parseDouble(m.group(4)),
        Double.parseDouble(m.group(5)),
        Double.parseDouble(m.group(6)),
        Double.parseDouble(m.group(7)),
        cpu);
  }

  private record Result(
      long requests, double p50, double p95, double p99, double rps, long cpuNanos) {
    /** The server's CPU milliseconds per request in this run, NaN when not measured. */
    double cpuPerRequest() {
      return cpuNanos < 0 || requests == 0 ? Double.NaN : cpuNanos / 1e6 / requests;
    }

    String line(String name) {
      return String.format(
          Locale.ROOT,
          "%-34s %9d %9.1f %9.1f %9.1f %10.0f %10.1f",
          name,
          requests,
          p50,
          p95,
          p99,
          rps,
          cpuPerRequest());
    }
  }

  /**
   * The Payara Micro process Arquillian started for this class (a descendant of this JVM): its CPU
   * time as the kernel counts it (on Linux /proc/PID/stat, utime + stime).
   */
  private record ServerProcess(ProcessHandle handle) {
    static ServerProcess find() {
      return ProcessHandle.current()
          .descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
          .findFirst()
          .map(ServerProcess::new)
          .orElseThrow(() -> new IllegalStateException("no Payara Micro process below this JVM"));
    }

    long cpuNanos() {
      return handle
          .info()
          .totalCpuDuration()
          .orElseThrow(() -> new IllegalStateException("no CPU time for " + handle.pid()))
          .toNanos();
    }

    void jcmd(String... command) throws Exception {
      List<String> args = new ArrayList<>(List.of("jcmd", Long.toString(handle.pid())));
      args.addAll(List.of(command));
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", args) + ": " + out);
    }
  }
}
