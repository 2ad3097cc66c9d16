package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.it.client.ApiException;
import org.trialledger.it.client.api.AccountApi;
import org.trialledger.it.client.api.AdministrationApi;
import org.trialledger.it.client.api.LogApi;
import org.trialledger.it.client.model.LogKeyView;
import org.trialledger.it.client.model.Problem;
import org.trialledger.it.client.model.Role;
import org.trialledger.it.client.model.UserView;

/**
 * The deployed application over HTTP: schema, health, OpenAPI, the API's authentication, throttling
 * and role checks, problem documents, error pages, and the OpenAPI document: equal to the committed
 * snapshot that the test client is generated from, clean under Redocly's recommended rules, and
 * usable by that client. Runs against the database the build chose (PostgreSQL by default),
 * recreated empty before deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application()
        // A page that fails while rendering, to see what the user is shown.
        .addAsWebResource(
            new StringAsset(
                "<ui:composition xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ui=\"jakarta.faces.facelets\""
                    + " xmlns:h=\"jakarta.faces.html\"><h:outputText value=\"#{request.getAttribute('x').notThere}\"/>"
                    + "<h:outputText value=\"#{facesContext.externalContext.requestParameterMap.boom.toString().substring(99)}\"/>"
                    + "</ui:composition>"),
            "it-boom.xhtml");
  }

  @ArquillianResource URL base;

  @Test
  void flywayMigratedTheEmptyDatabaseAndHibernateValidatedIt() throws SQLException {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), MIN(CASE WHEN success THEN 1 ELSE 0 END) FROM flyway_schema_history WHERE version IS NOT NULL")) {
      assertTrue(rs.next());
      assertTrue(rs.getInt(1) >= 1, "at least one migration applied");
      assertEquals(1, rs.getInt(2), "every migration succeeded");
    }
    // The deployment itself fails if Hibernate's validation of the mappings fails; the demo users
    // prove
    // the mapped tables work.
    assertEquals(200, api().get("/api/me", "admin", "admin-demo-pw").statusCode());
  }

  @Test
  void homePageIsAPrimeFacesPage() {
    HttpResponse<String> home = api().get("/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("primefaces"), "PrimeFaces resources are on the page");
    assertTrue(home.body().contains("Clinical trials, on the record"));
    assertFalse(
        home.headers().firstValue("Set-Cookie").orElse("").contains("jsessionid="),
        "no session in URLs");
  }

  @Test
  void healthIsUpAndOpenApiListsTheApi() {
    ApiClient server = new ApiClient(serverRoot());
    HttpResponse<String> health = server.get("/health");
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    assertTrue(health.body().contains("database"), health.body());
    HttpResponse<String> openapi = server.get("/openapi");
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/admin/users"), "OpenAPI lists the admin API");
    assertTrue(openapi.body().contains("/api/me"));
  }

  /** The committed snapshot that the test client is generated from (pom.xml, openapi-generator). */
  static final Path OPENAPI_SNAPSHOT =
      Path.of("src/test/resources/openapi/trialledger-openapi.json");

  @Test
  void theServedOpenApiDocumentIsTheCommittedSnapshot() throws IOException {
    ObjectMapper json = new ObjectMapper();
    HttpResponse<String> served = new ApiClient(serverRoot()).get("/openapi?format=JSON");
    assertEquals(200, served.statusCode());
    JsonNode actual = json.readTree(served.body());
    JsonNode expected = json.readTree(OPENAPI_SNAPSHOT.toFile());
    if (!expected.equals(actual)) {
      Path fresh = Path.of("target/openapi-served.json");
      Files.writeString(
          fresh, json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(actual) + "\n");
      List<String> differences = new ArrayList<>();
      differences(expected, actual, "", differences);
      throw new AssertionError(
          "The served /openapi differs from "
              + OPENAPI_SNAPSHOT
              + " (the test client is generated from the snapshot) at "
              + differences.subList(0, Math.min(20, differences.size()))
              + ".\nIf the API change is intended, refresh the snapshot and rebuild (see docs/api.md):\n  cp "
              + fresh
              + " "
              + OPENAPI_SNAPSHOT);
    }
  }

  /**
   * Redocly CLI's recommended rules ({@code .ci/run} installs {@code @redocly/cli} into
   * ~/.cache/trialledger/redocly): no errors. Warnings are printed; docs/api.md explains those
   * left.
   */
  @Test
  void theServedOpenApiDocumentPassesRedoclysRecommendedRules() throws Exception {
    Path dir =
        Path.of(
            System.getProperty(
                "redocly.dir", System.getProperty("user.home") + "/.cache/trialledger/redocly"));
    Path cli = dir.resolve("node_modules/@redocly/cli/bin/cli.js");
    Assumptions.assumeTrue(Files.isRegularFile(cli), "@redocly/cli is not installed (see .ci/run)");
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/node"))
            || Files.isExecutable(Path.of("/usr/local/bin/node")),
        "node is not installed");
    HttpResponse<String> served = new ApiClient(serverRoot()).get("/openapi");
    assertEquals(200, served.statusCode());
    Path work = Files.createDirectories(Path.of("target/redocly"));
    Path document = Files.writeString(work.resolve("openapi.yaml"), served.body());
    ProcessBuilder lint =
        new ProcessBuilder(
                "node",
                cli.toString(),
                "lint",
                "--format=stylish",
                "--max-problems=1000",
                document.toAbsolutePath().toString())
            .directory(
                work.toFile()) // no redocly.yaml from elsewhere: the built-in recommended rules
            .redirectErrorStream(true);
    lint.environment().put("REDOCLY_TELEMETRY", "off");
    lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process p = lint.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "redocly lint did not finish");
    System.out.println("redocly lint /openapi:\n" + out);
    assertEquals(0, p.exitValue(), "redocly lint reports errors in /openapi:\n" + out);
  }

  /**
   * A client generated from the document (target/generated-test-sources/openapi) reads real
   * answers.
   */
  @Test
  void aClientGeneratedFromTheDocumentCallsTheApi() throws Exception {
    org.trialledger.it.client.ApiClient anonymous = generatedClient(null, null);
    String checkpoint = new LogApi(anonymous).latestCheckpoint();
    LogKeyView key = new LogApi(anonymous).key();
    assertEquals("localhost/trialledger", key.getOrigin());
    assertTrue(checkpoint.startsWith(key.getOrigin() + "\n"), checkpoint);
    assertTrue(
        checkpoint.contains("\u2014 " + key.getOrigin() + " "),
        "signed by the log's key: " + checkpoint);

    UserView admin = new AccountApi(generatedClient("admin", "admin-demo-pw")).me();
    assertEquals("admin", admin.getUsername());
    assertTrue(admin.getRoles().contains(Role.ADMIN), String.valueOf(admin.getRoles()));
    assertFalse(admin.getLocked());

    // Failures are RFC 9457 problem documents, read as the generated Problem model.
    ApiException missing =
        assertThrows(
            ApiException.class,
            () ->
                new AdministrationApi(generatedClient("admin", "admin-demo-pw"))
                    .user("no-such-user"));
    assertEquals(404, missing.getCode());
    assertTrue(
        missing
            .getResponseHeaders()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    Problem problem =
        anonymous.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
    assertEquals(404, problem.getStatus());
    assertEquals("Not Found", problem.getTitle());
    assertEquals("about:blank", problem.getType());
    ApiException anonymousMe =
        assertThrows(ApiException.class, () -> new AccountApi(anonymous).me());
    assertEquals(401, anonymousMe.getCode());
    assertEquals(
        401,
        anonymous
            .getObjectMapper()
            .readValue(anonymousMe.getResponseBody(), Problem.class)
            .getStatus());
  }

  /** The generated client against this deployment, with HTTP Basic credentials when given. */
  private org.trialledger.it.client.ApiClient generatedClient(String user, String password) {
    org.trialledger.it.client.ApiClient client = new org.trialledger.it.client.ApiClient();
    client.updateBaseUri(base.toString().replaceAll("/$", ""));
    if (user != null) {
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + token));
    }
    return client;
  }

  /** JSON pointers where two documents differ, for the failure message. */
  private static void differences(JsonNode expected, JsonNode actual, String at, List<String> out) {
    if (expected.equals(actual)) return;
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!expected.has(name) || !actual.has(name))
          out.add(here + (expected.has(name) ? " (gone)" : " (new)"));
        else differences(expected.get(name), actual.get(name), here, out);
      }
    } else {
      out.add(at.isEmpty() ? "/" : at);
    }
  }

  @Test
  void wrongPasswordIsRefusedAndCounted() {
    HttpResponse<String> refused = api().get("/api/me", "sponsor", "not-the-password");
    assertEquals(401, refused.statusCode());
    assertTrue(
        refused
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(refused.body().contains("\"status\":401"));
    String sponsor = api().get("/api/admin/users/sponsor", "admin", "admin-demo-pw").body();
    assertTrue(sponsor.contains("\"failedLogins\":1"), sponsor);
    // A correct login resets the count.
    assertEquals(200, api().get("/api/me", "sponsor", "sponsor-demo-pw").statusCode());
    assertTrue(
        api()
            .get("/api/admin/users/sponsor", "admin", "admin-demo-pw")
            .body()
            .contains("\"failedLogins\":0"));
  }

  /**
   * Repeated failures slow down, then lock for a while (429 with Retry-After), never for good; a
   * made-up user name is answered exactly alike, so the answers tell nothing about which accounts
   * exist.
   */
  @Test
  void repeatedFailuresAreThrottledThenLockedForAWhileAndAnAdministratorCanUnlock() {
    List<Integer> real = new ArrayList<>();
    List<Integer> madeUp = new ArrayList<>();
    HttpResponse<String> locked = null;
    // Each sequence without pause: the delay after the 3rd failure is 1 s, and a checked attempt
    // takes a while.
    for (int i = 0; i < 6; i++)
      madeUp.add(api().get("/api/me", "no-such-user-here", "wrong-" + i).statusCode());
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = api().get("/api/me", "site2", "wrong-" + i);
      real.add(r.statusCode());
      if (r.statusCode() == 401) {
        assertTrue(r.body().contains("\"status\":401"), r.body());
      } else {
        locked = r;
      }
    }
    assertEquals(
        List.of(401, 401, 401, 429, 429, 429),
        real,
        "two free failures, a delay from the third, locked at the fifth");
    assertEquals(real, madeUp, "an unknown user name is answered like a real one");
    assertTrue(
        locked
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(locked.body().contains("\"status\":429"), locked.body());

    HttpResponse<String> right = api().get("/api/me", "site2", "site2-demo-pw");
    assertEquals(429, right.statusCode(), "the right password waits too");
    long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
    String site2 = api().get("/api/admin/users/site2", "admin", "admin-demo-pw").body();
    assertTrue(site2.contains("\"locked\":true") && site2.contains("\"failedLogins\":7"), site2);

    HttpResponse<String> unlocked =
        api().postJson("/api/admin/users/site2/unlock", "", "admin", "admin-demo-pw");
    assertEquals(200, unlocked.statusCode(), unlocked.body());
    assertTrue(
        unlocked.body().contains("\"locked\":false")
            && unlocked.body().contains("\"failedLogins\":0"),
        unlocked.body());
    assertEquals(200, api().get("/api/me", "site2", "site2-demo-pw").statusCode());
  }

  /**
   * Issue 14: 50 parallel wrong passwords are all counted (one atomic UPDATE each) and lock; never
   * a 500.
   */
  @Test
  void fiftyParallelWrongPasswordsAreAllCountedAndLockTheAccount() throws Exception {
    createSiteUser("parallel.wrong", "parallel-wrong-pw-1");
    List<Integer> statuses =
        parallel(50, 1, i -> api().get("/api/me", "parallel.wrong", "wrong-" + i).statusCode());
    assertTrue(
        statuses.stream().allMatch(s -> s == 401 || s == 429), "only 401 or 429: " + statuses);
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT failed_logins, locked_until > CURRENT_TIMESTAMP, temporary_locks FROM app_user WHERE username = 'parallel.wrong'")) {
      assertTrue(rs.next());
      assertEquals(50, rs.getInt(1), "every failure counted");
      assertTrue(rs.getBoolean(2), "temporarily locked");
      assertEquals(1, rs.getInt(3), "locked once");
    }
    HttpResponse<String> right = api().get("/api/me", "parallel.wrong", "parallel-wrong-pw-1");
    assertEquals(429, right.statusCode());
    assertTrue(right.headers().firstValue("Retry-After").isPresent());
    assertTrue(
        auditActions("parallel.wrong").contains("ACCOUNT_TEMPORARILY_LOCKED"),
        "administrators are told");
  }

  /** Issue 14: parallel correct logins of one account collided on the versioned row (500s). */
  @Test
  void parallelCorrectLoginsAllSucceed() throws Exception {
    createSiteUser("parallel.right", "parallel-right-pw-1");
    List<Integer> statuses =
        parallel(
            12, 1, i -> api().get("/api/me", "parallel.right", "parallel-right-pw-1").statusCode());
    assertEquals(List.of(200), statuses.stream().distinct().toList(), String.valueOf(statuses));
  }

  /**
   * Issue 14: a program calling with Basic credentials from 8 threads got 403s and 500s now and
   * then.
   */
  @Test
  void eightThreadsOfOneProgramGetOnly200s() throws Exception {
    createSiteUser("busy.program", "busy-program-pw-1");
    List<Integer> statuses =
        parallel(
            8, 60, i -> api().get("/api/me", "busy.program", "busy-program-pw-1").statusCode());
    assertEquals(480, statuses.size());
    assertEquals(List.of(), statuses.stream().filter(s -> s != 200).toList());
  }

  /**
   * Failures for made-up user names are aggregated: not one audit record (and ledger entry) each.
   */
  @Test
  void failedLoginsForUnknownUsersDoNotAddOneLedgerEntryEach() throws Exception {
    long before = count("SELECT COUNT(*) FROM ledger_entry");
    for (int i = 0; i < 12; i++)
      assertEquals(401, api().get("/api/me", "made-up-" + i, "whatever").statusCode());
    long added = count("SELECT COUNT(*) FROM ledger_entry") - before;
    assertTrue(added <= 2, "ledger entries added for 12 failures: " + added);
    assertTrue(
        count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED_UNKNOWN_USERS'") >= 1,
        "but they are audited");
  }

  /** The login page says the same for an unknown user, a wrong password and a locked account. */
  @Test
  void theLoginPageSaysTheSameForUnknownUsersWrongPasswordsAndLockedAccounts() throws Exception {
    createSiteUser("page.locked", "page-locked-pw-1");
    for (int i = 0; i < 5; i++) api().get("/api/me", "page.locked", "wrong-" + i);
    assertEquals(
        429, api().get("/api/me", "page.locked", "page-locked-pw-1").statusCode(), "locked");
    String unknown = loginPageMessage("nobody-at-all", "some-password");
    String wrong = loginPageMessage("regulator", "not-the-password");
    String lockedMessage = loginPageMessage("page.locked", "page-locked-pw-1");
    assertTrue(wrong.contains("Unknown username or wrong password"), wrong);
    assertEquals(wrong, unknown);
    assertEquals(wrong, lockedMessage);
    assertEquals(
        200,
        api().get("/api/me", "regulator", "regulator-demo-pw").statusCode(),
        "one failure is no lock");
  }

  private void createSiteUser(String username, String password) {
    String body =
        "{\"username\":\""
            + username
            + "\",\"fullName\":\""
            + username
            + "\",\"password\":\""
            + password
            + "\",\"organisationId\":3,\"role\":\"SITE\"}";
    HttpResponse<String> created =
        api().postJson("/api/admin/users", body, "admin", "admin-demo-pw");
    assertEquals(201, created.statusCode(), created.body());
  }

  /**
   * {@code threads} threads each calling {@code call} {@code times} times, started together; the
   * answers.
   */
  private static List<Integer> parallel(int threads, int times, IntFunction<Integer> call)
      throws Exception {
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    try {
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Integer> out = new ArrayList<>();
                  for (int i = 0; i < times; i++) out.add(call.apply(thread * times + i));
                  return out;
                }));
      }
      start.countDown();
      List<Integer> all = new ArrayList<>();
      for (var f : futures) all.addAll(f.get(5, TimeUnit.MINUTES));
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private static List<String> auditActions(String objectId) throws SQLException {
    List<String> actions = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        var s =
            c.prepareStatement("SELECT action FROM audit_event WHERE object_id = ? ORDER BY id")) {
      s.setString(1, objectId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) actions.add(rs.getString(1));
      }
    }
    return actions;
  }

  /** Submits the login form over plain HTTP and returns the error message it shows. */
  private String loginPageMessage(String user, String password) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI page = api().resolve("/login.xhtml");
    HttpResponse<String> page0 =
        http.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
    String form = page0.body();
    var viewState =
        Pattern.compile("jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]*)\"").matcher(form);
    assertTrue(viewState.find(), form);
    // the page's script adds its CSP nonce to every postback; a browser always sends it
    String nonce =
        page0
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .replaceAll(".*'nonce-([^']+)'.*", "$1");
    String body =
        String.join(
            "&",
            "login=login",
            "login%3Ausername=" + URLEncoder.encode(user, StandardCharsets.UTF_8),
            "login%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
            "login%3Asubmit=",
            "jakarta.faces.ViewState="
                + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8),
            "primefaces.nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8));
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        body.replaceAll("&primefaces\\.nonce=[^&]*", "")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        400,
        forged.statusCode(),
        "a postback without the page's nonce is a bad request, not a server error");
    Pages.assertNoStackTrace(forged.body());
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    var message =
        Pattern.compile("ui-messages-error-summary\"[^>]*>([^<]*)<").matcher(answer.body());
    assertTrue(message.find(), answer.body());
    return message.group(1);
  }

  @Test
  void aSiteUserGets403FromTheAdminApiAndAnonymousGets401() {
    HttpResponse<String> site = api().get("/api/admin/users", "site1", "site1-demo-pw");
    assertEquals(403, site.statusCode());
    assertTrue(site.body().contains("\"status\":403"));
    HttpResponse<String> anonymous = api().get("/api/admin/users");
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(
        403,
        api()
            .postJson("/api/admin/users/site1/unlock", "", "regulator", "regulator-demo-pw")
            .statusCode());
  }

  @Test
  void invalidInputGetsProblemDocumentsAndStoresNothing() {
    HttpResponse<String> invalid =
        api()
            .postJson(
                "/api/admin/users",
                "{\"username\":\"X Y\",\"password\":\"short\"}",
                "admin",
                "admin-demo-pw");
    assertEquals(400, invalid.statusCode(), invalid.body());
    assertAll(
        () -> assertTrue(invalid.body().contains("\"field\":\"username\"")),
        () -> assertTrue(invalid.body().contains("Password must be 12 to 200 characters")),
        () -> assertTrue(invalid.body().contains("\"field\":\"organisationId\"")));
    HttpResponse<String> malformed =
        api().postJson("/api/admin/users", "{not json", "admin", "admin-demo-pw");
    assertEquals(400, malformed.statusCode());
    assertTrue(malformed.body().startsWith("{"), malformed.body());
    String wrongRole =
        "{\"username\":\"mallory\",\"fullName\":\"Mallory\",\"password\":\"long-enough-pw\",\"organisationId\":3,\"role\":\"ADMIN\"}";
    HttpResponse<String> conflict =
        api().postJson("/api/admin/users", wrongRole, "admin", "admin-demo-pw");
    assertEquals(409, conflict.statusCode(), conflict.body());
    assertEquals(404, api().get("/api/admin/users/mallory", "admin", "admin-demo-pw").statusCode());

    String ok =
        "{\"username\":\"nurse.jones\",\"fullName\":\"Pat Jones\",\"password\":\"long-enough-pw\",\"organisationId\":3,\"role\":\"SITE\"}";
    assertEquals(
        201, api().postJson("/api/admin/users", ok, "admin", "admin-demo-pw").statusCode());
    assertEquals(200, api().get("/api/me", "nurse.jones", "long-enough-pw").statusCode());
  }

  @Test
  void errorPagesAreFriendlyAndHideStackTraces() {
    HttpResponse<String> missing = api().get("/no-such-page.xhtml");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("Page not found"));

    HttpResponse<String> broken = api().get("/it-boom.xhtml?boom=x");
    assertEquals(500, broken.statusCode());
    assertTrue(broken.body().contains("Something went wrong"), broken.body());
    Pages.assertNoStackTrace(broken.body());
    HttpResponse<String> apiMissing = api().get("/api/no-such-resource");
    assertEquals(404, apiMissing.statusCode());
    assertTrue(apiMissing.body().contains("\"status\":404"));
  }

  @Test
  void theLogPageShowsTheSignedHeadToAnyone() {
    HttpResponse<String> page = api().get("/log.xhtml");
    assertEquals(200, page.statusCode(), page.body());
    Pages.assertNoStackTrace(page.body());
    assertTrue(page.body().contains("Entries in the log"));
    assertTrue(page.body().contains("localhost/trialledger"), "the origin is shown");
    assertTrue(
        page.body().contains("\u2014 localhost/trialledger "), "the latest signed note is shown");
    assertTrue(page.body().contains("perHour"), "the chart is on the page");
  }

  @Test
  void protectedPagesRedirectAnonymousVisitorsToTheLoginPage() {
    HttpResponse<String> admin = api().get("/admin/users.xhtml");
    assertEquals(302, admin.statusCode());
    assertTrue(admin.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
  }

  @Test
  void headersAllowOnlyNonceScriptsAndKeepAuthenticatedAnswersOutOfCaches() throws Exception {
    HttpResponse<String> home = api().get("/index.xhtml");
    assertEquals(200, home.statusCode());
    String nonce = assertStrictPolicy(home, true);
    System.out.println("Headers of a page: " + home.headers().map());
    // every script on the page is a file of ours or carries the nonce; no inline handlers are left
    Matcher script = Pattern.compile("<script\\b[^>]*>").matcher(home.body());
    int scripts = 0;
    while (script.find()) {
      scripts++;
      assertTrue(script.group().contains("nonce=\"" + nonce + "\""), script.group());
    }
    assertTrue(scripts > 0);
    assertFalse(
        Pattern.compile("\\son(click|change|load|submit|error)=", Pattern.CASE_INSENSITIVE)
            .matcher(home.body())
            .find(),
        "no inline event handler attributes");
    assertFalse(
        home.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
        "public pages of anonymous visitors may be cached");

    // answers that are not Faces pages get the same policy, without a nonce
    HttpResponse<String> me = api().get("/api/me", "sponsor", "sponsor-demo-pw");
    assertEquals(200, me.statusCode());
    assertStrictPolicy(me, false);
    System.out.println("Headers of /api/me with Basic: " + me.headers().map());
    assertEquals(
        "no-store",
        me.headers().firstValue("Cache-Control").orElse(""),
        "an API answer to credentials");
    assertStrictPolicy(api().get("/api/no-such-resource"), false);
    // error pages rendered by Faces: one header, with the nonce their scripts carry
    HttpResponse<String> missing = api().get("/no-such-page.xhtml");
    assertEquals(404, missing.statusCode());
    assertStrictPolicy(missing, true);

    // a signed-in user's pages, public ones included, are never stored
    String cookie = loginCookie("regulator", "regulator-demo-pw");
    for (String page : List.of("/account.xhtml", "/registry/index.xhtml", "/audit/index.xhtml")) {
      HttpResponse<String> answer = withCookie(page, cookie);
      assertEquals(200, answer.statusCode(), page);
      assertTrue(answer.body().contains("regulator"), page + " is the signed-in view");
      assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), page);
      assertStrictPolicy(answer, true);
    }
  }

  /**
   * One instance keeps plain in-memory sessions (src/main/payara/single-preboot.asadmin): the only
   * session cookie is JSESSIONID, with no JSESSIONIDVERSION that a client must echo (with {@code
   * <distributable/>} and Payara Micro's defaults, even a lone instance versions its sessions in
   * its local grid, and a client that replays only JSESSIONID gets "page expired"). A login right
   * after a failed one sticks for a client that keeps what a browser keeps, and the session is
   * found by its JSESSIONID alone.
   */
  @Test
  void aLoneInstanceKeepsPlainSessionsAndALoginAfterAFailedOneSticks() throws Exception {
    CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient http = browserLike(jar);
    HttpResponse<String> form = http.send(getPage("/login.xhtml"), UTF8);
    List<String> first = form.headers().allValues("Set-Cookie");
    assertEquals(1, first.size(), "one session cookie: " + first);
    assertTrue(first.get(0).startsWith("JSESSIONID="), first.toString());

    HttpResponse<String> failed = postLogin(http, form, "regulator", "not-the-password");
    assertEquals(200, failed.statusCode(), failed.body());
    assertTrue(failed.body().contains("Unknown username or wrong password"), failed.body());
    HttpResponse<String> posted = postLogin(http, failed, "regulator", "regulator-demo-pw");
    assertEquals(302, posted.statusCode(), posted.body());
    HttpResponse<String> home = http.send(getPage("/index.xhtml"), UTF8);
    assertTrue(home.body().contains("id=\"currentUser\""), "the login stuck: " + home.body());
    for (HttpResponse<String> r : List.of(form, failed, posted, home)) {
      List<String> set = r.headers().allValues("Set-Cookie");
      assertFalse(
          set.stream().anyMatch(c -> c.startsWith("JSESSIONIDVERSION=")),
          r.request().method() + " " + r.uri() + " set " + set);
    }

    String session =
        jar.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID"))
            .map(c -> "JSESSIONID=" + c.getValue())
            .findFirst()
            .orElseThrow();
    HttpResponse<String> account = withCookie("/account.xhtml", session);
    assertEquals(200, account.statusCode(), account.body());
    assertTrue(account.body().contains("regulator"), "signed in by JSESSIONID alone");
  }

  /**
   * The one CSP header and the other security headers; returns the nonce (null when none is
   * expected).
   */
  private static String assertStrictPolicy(HttpResponse<String> r, boolean withNonce) {
    String where = r.uri().toString();
    List<String> policies = r.headers().allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), where + ": " + policies);
    String csp = policies.get(0);
    Map<String, String> directives = new HashMap<>();
    for (String d : csp.split(";")) {
      String t = d.strip();
      if (!t.isEmpty())
        directives.put(t.split(" ", 2)[0], t.contains(" ") ? t.split(" ", 2)[1] : "");
    }
    assertAll(
        where + ": " + csp,
        () -> assertEquals("'self'", directives.get("default-src")),
        () -> assertEquals("'none'", directives.get("object-src")),
        () -> assertEquals("'none'", directives.get("frame-ancestors")),
        () -> assertEquals("'self'", directives.get("base-uri")),
        () -> assertEquals("'self'", directives.get("form-action")),
        () -> assertEquals("'self' data:", directives.get("img-src")),
        () -> assertFalse(csp.contains("unsafe-eval")),
        () ->
            assertFalse(
                directives.getOrDefault("script-src", "'unsafe-inline'").contains("unsafe-inline")),
        () ->
            assertTrue(
                withNonce
                    ? directives
                        .getOrDefault("script-src", "")
                        .matches("'self' 'nonce-[A-Za-z0-9+/=]{16,}'")
                    : "'self'".equals(directives.get("script-src")),
                "script-src"),
        () -> assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse("")),
        () -> assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse("")),
        () ->
            assertTrue(
                r.headers().firstValue("Permissions-Policy").orElse("").contains("camera=()"),
                "Permissions-Policy"),
        () ->
            assertTrue(
                r.headers().firstValue("Permissions-Policy").orElse("").contains("geolocation=()"),
                "Permissions-Policy"),
        () ->
            assertEquals(Optional.empty(), r.headers().firstValue("X-Powered-By"), "X-Powered-By"),
        () ->
            assertFalse(
                r.headers()
                    .firstValue("Server")
                    .orElse("")
                    .matches(".*(\\d|Payara|GlassFish|Grizzly).*"),
                "Server: " + r.headers().firstValue("Server").orElse("")));
    if (!withNonce) return null;
    return directives.get("script-src").replaceAll(".*'nonce-([^']+)'.*", "$1");
  }

  /**
   * Signs in through the login form over plain HTTP and returns the Cookie header a browser would
   * send afterwards: every cookie the server set, not only JSESSIONID.
   */
  private String loginCookie(String user, String password) throws Exception {
    CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient http = browserLike(jar);
    HttpResponse<String> posted =
        postLogin(http, http.send(getPage("/login.xhtml"), UTF8), user, password);
    assertTrue(
        posted.statusCode() == 302 || posted.statusCode() == 303,
        posted.statusCode() + " " + posted.body());
    return cookieHeader(jar);
  }

  /**
   * The login form's postback from the page {@code form} (the view state and the CSP nonce, as the
   * page script adds it), through {@code http}, which keeps the cookies.
   */
  private HttpResponse<String> postLogin(
      HttpClient http, HttpResponse<String> form, String user, String password) throws Exception {
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(form.body());
    assertTrue(state.find(), form.body());
    String nonce =
        form.headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .replaceAll(".*'nonce-([^']+)'.*", "$1");
    String body =
        String.join(
            "&",
            "login=login",
            "login%3Ausername=" + enc(user),
            "login%3Apassword=" + enc(password),
            "login%3Asubmit=",
            "jakarta.faces.ViewState=" + enc(state.group(1)),
            "primefaces.nonce=" + enc(nonce));
    return http.send(
        HttpRequest.newBuilder(api().resolve("/login.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        UTF8);
  }

  private static final HttpResponse.BodyHandler<String> UTF8 =
      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);

  private HttpRequest getPage(String path) {
    return HttpRequest.newBuilder(api().resolve(path)).GET().build();
  }

  /** Keeps every cookie the server sets and sends it back, as a browser does; no redirects. */
  private static HttpClient browserLike(CookieManager jar) {
    return HttpClient.newBuilder()
        .cookieHandler(jar)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private static String cookieHeader(CookieManager jar) {
    return jar.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  private HttpResponse<String> withCookie(String path, String cookie) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(api().resolve(path)).header("Cookie", cookie).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private ApiClient api() {
    return new ApiClient(base);
  }

  /** /health and /openapi are served by Payara at the server's root, beside the application. */
  private URL serverRoot() {
    try {
      return new URL(base.getProtocol(), base.getHost(), base.getPort(), "/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
