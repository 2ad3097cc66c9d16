package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Issue 15, findings 5 and 6: faults of the database are answered honestly. The server runs in a
 * Payara Micro process of its own whose database connections go through a TCP proxy on loopback
 * that the test cuts (database unreachable: pooled connections break, new ones are refused); a
 * second JDBC connection holds table locks; the server's connections are terminated with {@code
 * pg_terminate_backend}. Programs get a 503 problem document with {@code Retry-After}, people the
 * 503 page, readiness says DOWN while it lasts and UP after, and nothing hangs or answers 500.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultsIT {
  private static final String SPONSOR = "sponsor";
  private static final String SPONSOR_PW = "sponsor-demo-pw";

  private static CuttableProxy proxy;
  private static MicroProcess server;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "the faults are PostgreSQL's (a proxy, locks, backends)");
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("faults-it"));
    Path war = work.resolve("trialledger-faults.war");
    Deployments.application().as(ZipExporter.class).exportTo(war.toFile(), true);
    URI db = URI.create(TestDatabase.url().substring("jdbc:".length()));
    proxy = CuttableProxy.start(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
    String proxied =
        "jdbc:postgresql://127.0.0.1:"
            + proxy.port()
            + db.getRawPath()
            + (db.getRawQuery() == null ? "" : "?" + db.getRawQuery());
    server =
        MicroProcess.start(
            war,
            MicroProcess.freePort(),
            work.resolve("payara.log"),
            Map.of(
                "TRIALLEDGER_DB_URL", proxied,
                // timeouts set as an operator sets them (docs/platform-notes.md §12).
                "TRIALLEDGER_DB_LOCK_TIMEOUT_MS", "3000",
                "TRIALLEDGER_DB_STATEMENT_TIMEOUT_MS", "10000"));
    server.awaitReady(180_000);
    api = new ApiClient(server.url());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    if (proxy != null) proxy.close();
  }

  @Order(1)
  @ParameterizedTest(name = "LOCK TABLE {0}")
  @ValueSource(strings = {"ledger_entry", "audit_event"})
  void aLockedTableMakesWritesAnswer503AfterTheLockTimeoutAndReadinessDown(String table)
      throws Exception {
    try (Connection holder = TestDatabase.connect()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("LOCK TABLE " + table);
      }
      assertUnavailableProblem(createTrial());
      HttpResponse<String> health = api.get("/health");
      assertEquals(503, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"DOWN\""), health.body());
      holder.rollback();
    }
    awaitReady();
    HttpResponse<String> after = createTrial();
    assertEquals(201, after.statusCode(), after.body());
  }

  @Order(2)
  @Test
  void anUnreachableDatabaseIs503InTheClientsFormatThenRecovers() throws Exception {
    PageSession person = new PageSession(server.url());
    String loginPage = person.get("/login.xhtml").body();
    Map<String, String> loginForm = new LinkedHashMap<>();
    loginForm.put("login", "login");
    loginForm.put("login:username", SPONSOR);
    loginForm.put("login:password", SPONSOR_PW);
    loginForm.put("login:submit", "");
    loginForm.put("jakarta.faces.ViewState", PageSession.viewState(loginPage));

    proxy.cut();
    try {
      assertUnavailableProblem(api.get("/api/trials"));
      assertUnavailableProblem(api.get("/api/log/entries?start=0&max=5"));
      assertUnavailableProblem(createTrial());
      assertUnavailableProblem(api.get("/api/me", SPONSOR, SPONSOR_PW));
      // The postback first: it carries the CSP nonce of the login page, the last page fetched.
      assertUnavailablePage(person.post("/login.xhtml", loginForm, false));
      assertUnavailablePage(person.get("/registry/index.xhtml"));
      HttpResponse<String> health = api.get("/health");
      assertEquals(503, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"DOWN\""), health.body());
    } finally {
      proxy.restore();
    }
    awaitReady();
    assertEquals(200, api.get("/api/trials").statusCode());
    assertEquals(200, person.get("/registry/index.xhtml").statusCode());
    HttpResponse<String> write = createTrial();
    assertEquals(201, write.statusCode(), write.body());
  }

  @Order(3)
  @Test
  void terminatedConnectionsAreReplacedNever500() throws Exception {
    assertEquals(200, api.get("/api/trials").statusCode());
    try (Connection admin = TestDatabase.connect();
        PreparedStatement kill =
            admin.prepareStatement(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      try (ResultSet killed = kill.executeQuery()) {
        killed.next();
        assertTrue(killed.getLong(1) > 0, "the server had connections to terminate");
      }
    }
    PageSession person = new PageSession(server.url());
    for (int i = 0; i < 10; i++) {
      assertHonest(api.get("/api/trials"), 200);
      assertHonest(createTrial(), 201);
      assertHonest(person.get("/registry/index.xhtml"), 200);
    }
    assertEquals(200, api.get("/api/trials").statusCode());
  }

  @Order(4)
  @Test
  void checkpointsAreUtf8TextAndABrokenLatestCheckpointIsAVerdict() throws Exception {
    // Nothing is written from here on; once the queue is empty no newer checkpoint can follow.
    for (int i = 0; LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0; i++) {
      assertTrue(i < 240, "the integrator emptied the queue");
      Thread.sleep(250);
    }
    HttpResponse<String> latest = api.get("/api/log/checkpoint");
    assertEquals(200, latest.statusCode());
    assertEquals(
        "text/plain;charset=utf-8",
        latest.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    String saved = latest.body();

    HttpResponse<String> wrongType =
        api.send(
            HttpRequest.newBuilder(api.resolve("/api/verify/consistency"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("\"" + saved + "\"")),
            null,
            null);
    assertEquals(415, wrongType.statusCode());
    assertFalse(
        wrongType.body().contains("as application/json"),
        "the 415 does not ask for JSON where the endpoint takes text: " + wrongType.body());

    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet newest =
            s.executeQuery(
                "SELECT tree_size, note FROM checkpoint ORDER BY tree_size DESC LIMIT 1")) {
      newest.next();
      String note = newest.getString(2);
      String[] lines = note.split("\n", -1);
      char first = lines[2].charAt(0);
      lines[2] = (first == 'A' ? 'B' : 'A') + lines[2].substring(1);
      try (PreparedStatement forge =
          c.prepareStatement("UPDATE checkpoint SET note = ? WHERE tree_size = ?")) {
        forge.setString(1, String.join("\n", lines));
        forge.setLong(2, newest.getLong(1));
        assertEquals(1, forge.executeUpdate());
      }
    }
    HttpResponse<String> check =
        api.send(
            HttpRequest.newBuilder(api.resolve("/api/verify/consistency"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(saved)),
            null,
            null);
    assertEquals(200, check.statusCode(), check.body());
    JsonObject verdict = Json.createReader(new StringReader(check.body())).readObject();
    assertFalse(verdict.getBoolean("consistent"), check.body());
    assertTrue(verdict.getString("verdict").contains("does not verify"), check.body());
  }

  @Order(5)
  @Test
  void anApiErrorTheContainerAnswersIsNeverAnHtmlPage() {
    // TRACE is refused by web.xml's security constraint, before JAX-RS: the container's error page.
    HttpResponse<String> trace =
        api.send(
            HttpRequest.newBuilder(api.resolve("/api/trials"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()),
            null,
            null);
    assertTrue(trace.statusCode() >= 400 && trace.statusCode() < 500, trace.toString());
    String type = trace.headers().firstValue("Content-Type").orElse("");
    assertFalse(type.startsWith("text/html"), type + ": " + trace.body());
    if (!trace.body().isEmpty()) assertTrue(type.startsWith("application/problem+json"), type);
  }

  private static HttpResponse<String> createTrial() {
    return api.postJson("/api/trials", RegistryFixtures.completeRecordJson(), SPONSOR, SPONSOR_PW);
  }

  private static void assertUnavailableProblem(HttpResponse<String> answer) {
    String where = answer.request().method() + " " + answer.uri() + ": " + answer.body();
    assertEquals(503, answer.statusCode(), where);
    assertEquals(
        "application/problem+json",
        answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(),
        where);
    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), where);
    JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
    assertEquals(503, problem.getInt("status"), where);
  }

  private static void assertUnavailablePage(HttpResponse<String> answer) {
    String where = answer.request().method() + " " + answer.uri();
    assertEquals(503, answer.statusCode(), where + ": " + answer.body());
    assertEquals(
        "text/html",
        answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(),
        where);
    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), where);
    assertTrue(answer.body().contains("id=\"error-503\""), where + ": " + answer.body());
    Pages.assertNoStackTrace(answer.body());
  }

  /** The answer is the expected one, or an honest 503 while connections are replaced. */
  private static void assertHonest(HttpResponse<String> answer, int expected) {
    if (answer.statusCode() != 503) {
      assertEquals(expected, answer.statusCode(), answer.uri() + ": " + answer.body());
    } else if (answer.uri().getPath().startsWith("/api/")) {
      assertUnavailableProblem(answer);
    } else {
      assertUnavailablePage(answer);
    }
  }

  private static void awaitReady() throws Exception {
    for (int i = 0; i < 120; i++) {
      if (api.get("/health").statusCode() == 200) return;
      Thread.sleep(250);
    }
    throw new AssertionError("readiness did not return to UP after the fault ended");
  }
}
