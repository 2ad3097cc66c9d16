package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: the public search benchmark, run only by {@code mvn -Pregistry-bench verify}. Loads
 * 100,000 generated published trials into the test database (PostgreSQL), then 50 concurrent
 * clients query for a fixed time: the search API with free text and filters, the search page, and
 * as the baseline in the same run a trivial endpoint (the current checkpoint). Prints p50/p95/p99
 * and writes target/registry-bench.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrySearchBench {
  private static final int TRIALS = Integer.getInteger("bench.trials", 100_000);
  private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
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

    Random pick = new Random(7);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String q = CONDITIONS[pick.nextInt(CONDITIONS.length)];
      switch (i % 5) {
        case 0 -> queries.add("/api/trials?q=" + q);
        case 1 ->
            queries.add(
                "/api/trials?q=" + q + "+" + INTERVENTIONS[pick.nextInt(INTERVENTIONS.length)]);
        case 2 ->
            queries.add(
                "/api/trials?q="
                    + q
                    + "&recruitmentStatus=RECRUITING&country="
                    + COUNTRIES[pick.nextInt(COUNTRIES.length)]);
        case 3 ->
            queries.add(
                "/api/trials?phase=PHASE3&country="
                    + COUNTRIES[pick.nextInt(COUNTRIES.length)]
                    + "&sort=START_DATE");
        default ->
            queries.add("/api/trials?q=" + q + "&offset=" + 20 * pick.nextInt(10) + "&sort=TITLE");
      }
    }
    // warm up every path, then measure baseline, search API and search page in turn
    measure(api, i -> "/api/log/checkpoint", 5);
    measure(api, i -> queries.get(i % queries.size()), 5);
    measure(api, i -> "/registry/index.xhtml?q=" + CONDITIONS[i % CONDITIONS.length], 5);
    Result baseline = measure(api, i -> "/api/log/checkpoint", SECONDS);
    Result searchApi = measure(api, i -> queries.get(i % queries.size()), SECONDS);
    Result searchPage =
        measure(api, i -> "/registry/index.xhtml?q=" + CONDITIONS[i % CONDITIONS.length], SECONDS);

    String report =
        String.format(
            Locale.ROOT,
            "Registry search benchmark: %,d published trials (loaded in %.0f s), %d concurrent clients, %d s per run, PostgreSQL%n"
                + "%-34s %9s %9s %9s %9s %10s%n%s%n%s%n%s%n"
                + "search API p95 / baseline p95 = %.1f; search page p95 / baseline p95 = %.1f%n",
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
            baseline.line("baseline: GET /api/log/checkpoint"),
            searchApi.line("GET /api/trials (text+filters)"),
            searchPage.line("GET /registry/index.xhtml?q="),
            searchApi.p(95) / baseline.p(95),
            searchPage.p(95) / baseline.p(95));
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
              + " registered_at, published_version, public_title, scientific_title, sponsor_name, recruitment_status, study_type, phases, start_date,"
              + " conditions_text, interventions_text, search_text) VALUES (?, ?, 'PUBLISHED', '{}', ?, 'bench', ?, 'bench', ?, 1, ?, ?, ?, ?, 'INTERVENTIONAL', ?, ?, ?, ?, ?)";
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
          trial.setDate(11, Date.valueOf(LocalDate.of(2015, 1, 1).plusDays(r.nextInt(4000))));
          trial.setString(12, condition);
          trial.setString(13, intervention);
          trial.setString(14, String.join(" ", title, condition, intervention, sponsor));
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

  private Result measure(ApiClient api, IntFunction<String> path, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      int offset = client * 7919;
      futures.add(
          pool.submit(
              () -> {
                List<Long> times = new ArrayList<>();
                int i = offset;
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = api.get(path.apply(i++));
                  if (r.statusCode() != 200)
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                  times.add(System.nanoTime() - t0);
                }
                return times;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) all.addAll(f.get());
    pool.shutdown();
    Collections.sort(all);
    return new Result(all, seconds);
  }

  private record Result(List<Long> sortedNanos, int seconds) {
    double p(int percentile) {
      int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1;
      return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    String line(String name) {
      return String.format(
          Locale.ROOT,
          "%-34s %9d %9.1f %9.1f %9.1f %10.0f",
          name,
          sortedNanos.size(),
          p(50),
          p(95),
          p(99),
          sortedNanos.size() / (double) seconds);
    }
  }
}
