package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * The project's own attack suite (issue 14): every operation of the served {@code /openapi} and
 * every page, called by every kind of caller (anonymous, each role, and an organisation of the same
 * kind that does not own the object), compared with the expected status of each cell as written
 * down in {@code src/test/resources/authz/api.csv} and {@code authz/pages.csv}. An operation or a
 * page without a row fails the test, so a new endpoint cannot arrive without its line in the
 * matrix.
 *
 * <p>State-changing operations run their authorized caller last, and the destructive ones (submit,
 * publish, return, withdraw, erase, DELETE, activation) act on objects made for their row only, so
 * one cell never changes the outcome of another. With {@code -Dauthz.record=true} the test also
 * writes what it saw to {@code target/authz-actual-*.csv}, in the files' format, to review before
 * copying rows into the data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {
  /** The columns of both files, in this order; the password of each (null: anonymous). */
  static final Map<String, String> CALLERS = new LinkedHashMap<>();

  static {
    CALLERS.put("anonymous", null);
    CALLERS.put("admin", "admin-demo-pw");
    CALLERS.put("sponsor", "sponsor-demo-pw");
    CALLERS.put("sponsorx", "sponsorx-demo-pw-1"); // a sponsor of another organisation
    CALLERS.put(
        "site1", "site1-demo-pw"); // the site activated on the trial, which enrolled the subject
    CALLERS.put("site2", "site2-demo-pw"); // a site not activated on it
    CALLERS.put("regulator", "regulator-demo-pw");
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  /** The objects the matrix names, all owned by "sponsor" and "site1". */
  private static Map<String, String> objects;

  @Test
  @Order(1)
  void everyOperationAnswersEveryCallerAsTheMatrixSays() throws Exception {
    ApiClient api = new ApiClient(base);
    Map<String, String> o = fixture(api);
    Map<String, Row> expected = load("/authz/api.csv");
    List<String[]> operations = operations(api);
    List<String> missing = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    List<String> findings = new ArrayList<>();
    List<String> actualRows = new ArrayList<>();
    int cells = 0;
    for (String[] op : operations) {
      String key = op[0] + " " + op[1];
      Row row = expected.get(key);
      if (row == null) {
        missing.add(key);
        continue;
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      // callers that may succeed go last: a refused call changes nothing, an allowed one may
      List<String> order = new ArrayList<>(CALLERS.keySet());
      order.sort(Comparator.comparing(c -> row.allowsSuccess(c)));
      for (String caller : order) {
        HttpResponse<String> r = call(api, op, caller, o);
        int status = r.statusCode();
        seen.put(caller, status);
        cells++;
        String spec = row.cells().get(caller);
        if (!matches(spec, status)) {
          mismatches.add(
              key
                  + " as "
                  + caller
                  + ": expected "
                  + spec
                  + ", got "
                  + status
                  + " "
                  + abbreviate(r.body()));
        } else if (spec.endsWith("!")) {
          findings.add(key + " as " + caller + ": " + status + " (" + row.note() + ")");
        }
      }
      actualRows.add(
          op[0]
              + ","
              + op[1]
              + ","
              + CALLERS.keySet().stream()
                  .map(c -> String.valueOf(seen.get(c)))
                  .collect(Collectors.joining(",")));
    }
    Set<String> served =
        operations.stream().map(op -> op[0] + " " + op[1]).collect(Collectors.toSet());
    List<String> stale = expected.keySet().stream().filter(k -> !served.contains(k)).toList();
    record("api", actualRows);
    System.out.println(
        "Authorization matrix, API: "
            + operations.size()
            + " operations x "
            + CALLERS.size()
            + " callers = "
            + cells
            + " cells, "
            + mismatches.size()
            + " mismatches, "
            + findings.size()
            + " known findings"
            + findings.stream().map(f -> "\n  finding: " + f).collect(Collectors.joining()));
    assertEquals(
        List.of(),
        missing,
        "operations in the served /openapi without rows in authz/api.csv: add them to the matrix");
    assertEquals(List.of(), stale, "rows in authz/api.csv for operations the server no longer has");
    assertEquals(
        List.of(),
        mismatches,
        mismatches.size() + " of " + cells + " cells differ from authz/api.csv");
  }

  @Test
  @Order(2)
  void everyPageAnswersEveryCallerAsTheMatrixSays() throws Exception {
    Map<String, String> o = fixture(new ApiClient(base));
    Map<String, Row> expected = load("/authz/pages.csv");
    List<String> pages;
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      pages =
          files
              .map(p -> Path.of("src/main/webapp").relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".xhtml") && !p.startsWith("WEB-INF/"))
              .map(p -> "/" + p)
              .sorted()
              .toList();
    }
    assertTrue(pages.size() >= 20, "the pages: " + pages);
    Map<String, PageClient> sessions = new LinkedHashMap<>();
    for (var c : CALLERS.entrySet())
      sessions.put(c.getKey(), new PageClient(base, c.getKey(), c.getValue()));
    List<String> missing = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    List<String> findings = new ArrayList<>();
    List<String> actualRows = new ArrayList<>();
    int cells = 0;
    for (String page : pages) {
      Row row = expected.get(page);
      if (row == null) {
        missing.add(page);
        continue;
      }
      String address = substitute(page + row.query(), o);
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (var session : sessions.entrySet()) {
        HttpResponse<String> r = session.getValue().get(address);
        int status = r.statusCode();
        String location = r.headers().firstValue("Location").orElse("");
        seen.put(session.getKey(), status);
        cells++;
        String spec = row.cells().get(session.getKey());
        boolean ok = matches(spec, status);
        if (ok && (status == 302 || status == 303) && !location.contains("/login.xhtml"))
          ok = false;
        if (!ok) {
          mismatches.add(
              address
                  + " as "
                  + session.getKey()
                  + ": expected "
                  + spec
                  + ", got "
                  + status
                  + (location.isEmpty() ? "" : " to " + location));
        } else if (spec.endsWith("!")) {
          findings.add(
              address + " as " + session.getKey() + ": " + status + " (" + row.note() + ")");
        }
        if (status == 200 || status == 403 || status == 404) Pages.assertNoStackTrace(r.body());
      }
      actualRows.add(
          page
              + ","
              + row.query()
              + ","
              + CALLERS.keySet().stream()
                  .map(c -> String.valueOf(seen.get(c)))
                  .collect(Collectors.joining(",")));
    }
    List<String> stale = expected.keySet().stream().filter(k -> !pages.contains(k)).toList();
    record("pages", actualRows);
    System.out.println(
        "Authorization matrix, pages: "
            + pages.size()
            + " pages x "
            + CALLERS.size()
            + " callers = "
            + cells
            + " cells, "
            + mismatches.size()
            + " mismatches, "
            + findings.size()
            + " known findings"
            + findings.stream().map(f -> "\n  finding: " + f).collect(Collectors.joining()));
    assertEquals(
        List.of(),
        missing,
        "pages in src/main/webapp without rows in authz/pages.csv: add them to the matrix");
    assertEquals(List.of(), stale, "rows in authz/pages.csv for pages that no longer exist");
    assertEquals(
        List.of(),
        mismatches,
        mismatches.size() + " of " + cells + " cells differ from authz/pages.csv");
  }

  // ---------------------------------------------------------------------------------------------------
  // The objects

  /**
   * Objects of "sponsor" and "site1", one per destructive row where the authorized call would
   * change what the next rows see, and the other sponsor organisation with its user "sponsorx".
   */
  private Map<String, String> fixture(ApiClient api) throws Exception {
    if (objects != null) return objects;
    Map<String, String> o = new LinkedHashMap<>();
    String site1 = String.valueOf(organisation(api, "St. Mary's Hospital Research Unit"));
    o.put("site1Org", site1);
    HttpResponse<String> org =
        api.postJson(
            "/api/admin/organisations",
            "{\"name\":\"Matrix Foreign Pharma\",\"kind\":\"SPONSOR\",\"country\":\"FR\"}",
            "admin",
            "admin-demo-pw");
    assertEquals(201, org.statusCode(), org.body());
    o.put("foreignOrg", String.valueOf(((Number) RegistryApiIT.json(org).get("id")).longValue()));
    HttpResponse<String> user =
        api.postJson(
            "/api/admin/users",
            "{\"username\":\"sponsorx\",\"fullName\":\"Xavier Foreign\",\"password\":\""
                + CALLERS.get("sponsorx")
                + "\",\"organisationId\":"
                + o.get("foreignOrg")
                + ",\"role\":\"SPONSOR\"}",
            "admin",
            "admin-demo-pw");
    assertEquals(201, user.statusCode(), user.body());
    // an account the admin operations change (deactivate, reset) without touching a caller's
    HttpResponse<String> target =
        api.postJson(
            "/api/admin/users",
            "{\"username\":\"matrix.target\",\"fullName\":\"Matrix Target\","
                + "\"password\":\"matrix-target-pw-1\",\"organisationId\":"
                + o.get("foreignOrg")
                + ",\"role\":\"SPONSOR\"}",
            "admin",
            "admin-demo-pw");
    assertEquals(201, target.statusCode(), target.body());

    // a draft with two documents (one to read, one to remove); drafts to submit; trials under
    // review
    o.put("draft", draft(api));
    o.put("draftDoc", document(api, o.get("draft"), "readable draft document"));
    o.put("draftDocToRemove", document(api, o.get("draft"), "document to remove"));
    o.put("draftToSubmit", draft(api));
    o.put("review", submitted(api));
    o.put("reviewToPublish", submitted(api));
    o.put("reviewToReturn", submitted(api));
    HttpResponse<String> major =
        api.postJson(
            "/api/trials/" + o.get("reviewToReturn") + "/versions/1/comments",
            "{\"severity\":\"MAJOR\",\"body\":\"State the primary outcome's time frame\"}",
            "regulator",
            "regulator-demo-pw");
    assertEquals(
        201,
        major.statusCode(),
        major.body()); // a version is returned with what the sponsor must change
    // published trials: one with the sites, one to withdraw, one to activate a site on
    o.put("published", published(api));
    o.put("publishedToWithdraw", published(api));
    o.put("publishedToActivate", published(api));
    String p = o.get("published");
    HttpResponse<String> activated =
        api.postJson(
            "/api/trials/" + p + "/site/activations",
            "{\"siteOrganisationId\":" + site1 + ",\"principalInvestigator\":\"Dr. Amara Okafor\"}",
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, activated.statusCode(), activated.body());
    HttpResponse<String> form =
        api.postBytes(
            "/api/trials/" + p + "/site/consent-forms?label=v1.0&language=en&fileName=icf.pdf",
            "application/pdf",
            VerificationIT.pdf("matrix consent form"),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, form.statusCode(), form.body());
    o.put("consentForm", String.valueOf(((Number) RegistryApiIT.json(form).get("id")).longValue()));
    o.put("leafHash", (String) RegistryApiIT.json(form).get("leafHash"));
    // subjects of site1: one consented (results, events), one not yet (consent), one to erase
    o.put("subject", subject(api, p, "Matrix Subject"));
    HttpResponse<String> consented =
        consent(api, o.get("subject"), o.get("consentForm"), "site1", "site1-demo-pw");
    assertEquals(201, consented.statusCode(), consented.body());
    o.put("subjectToConsent", subject(api, p, "Matrix Unconsented"));
    o.put("subjectToErase", subject(api, p, "Matrix Erasable"));
    HttpResponse<String> summary =
        api.postJson(
            "/api/trials/" + p + "/site/summary-results", "", "sponsor", "sponsor-demo-pw");
    assertEquals(
        201,
        summary.statusCode(),
        summary.body()); // so that reading them does not depend on the rows' order
    // results: a published trial to submit them on, versions under review (to read and comment,
    // to publish, to return with a major comment), and published results
    o.put("resultsToSubmit", published(api));
    o.put("results", resultsUnderReview(api));
    o.put("resultsToPublish", resultsUnderReview(api));
    o.put("resultsToReturn", resultsUnderReview(api));
    assertEquals(
        201,
        api.postJson(
                "/api/trials/" + o.get("resultsToReturn") + "/results/versions/1/comments",
                "{\"severity\":\"MAJOR\",\"body\":\"Give the week 20 follow-up\"}",
                "regulator",
                "regulator-demo-pw")
            .statusCode());
    o.put("resultsPublished", resultsUnderReview(api));
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + o.get("resultsPublished") + "/results/versions/1/publish",
                "",
                "regulator",
                "regulator-demo-pw")
            .statusCode());
    // jobs
    HttpResponse<String> inspection =
        api.postJson("/api/inspections?trial=" + p, "", "regulator", "regulator-demo-pw");
    assertEquals(202, inspection.statusCode(), inspection.body());
    o.put("inspection", String.valueOf(RegistryApiIT.json(inspection).get("id")));
    HttpResponse<String> audit =
        api.postJson("/api/ledger/audits", "", "regulator", "regulator-demo-pw");
    assertEquals(202, audit.statusCode(), audit.body());
    o.put("ledgerAudit", String.valueOf(RegistryApiIT.json(audit).get("id")));
    o.put("today", LocalDate.now().toString());
    o.put(
        "anHourAgo",
        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
    Thread.sleep(1000); // the integrator takes the queue within 200 ms: receipts and proofs exist
    List<Map<?, ?>> checkpoints =
        ((List<?>) JsonParser.parse(api.get("/api/log/checkpoints?max=1000").body()))
            .stream()
                .<Map<?, ?>>map(c -> (Map<?, ?>) c)
                .filter(c -> ((Number) c.get("treeSize")).longValue() >= 1)
                .sorted(Comparator.comparing(c -> ((Number) c.get("treeSize")).longValue()))
                .toList();
    assertTrue(!checkpoints.isEmpty(), "the log has checkpoints");
    Map<?, ?> first = checkpoints.get(0);
    Map<?, ?> latest = checkpoints.get(checkpoints.size() - 1);
    o.put("firstCheckpointSize", String.valueOf(first.get("treeSize")));
    o.put("checkpointSize", String.valueOf(latest.get("treeSize")));
    o.put("checkpointNote", String.valueOf(latest.get("note")));
    objects = o;
    return o;
  }

  private static String draft(ApiClient api) {
    HttpResponse<String> r =
        api.postJson(
            "/api/trials", RegistryFixtures.completeRecordJson(), "sponsor", "sponsor-demo-pw");
    assertEquals(201, r.statusCode(), r.body());
    return (String) RegistryApiIT.json(r).get("registryId");
  }

  private static String submitted(ApiClient api) {
    String id = draft(api);
    assertEquals(
        201,
        api.postJson("/api/trials/" + id + "/submit", "{}", "sponsor", "sponsor-demo-pw")
            .statusCode());
    return id;
  }

  private static String published(ApiClient api) {
    String id = submitted(api);
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + id + "/versions/1/publish", "", "regulator", "regulator-demo-pw")
            .statusCode());
    return id;
  }

  private static String resultsUnderReview(ApiClient api) throws Exception {
    String id = published(api);
    HttpResponse<String> r =
        api.postJson(
            "/api/trials/" + id + "/results/versions",
            ResultsApiIT.demoResults(),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, r.statusCode(), r.body());
    return id;
  }

  private static String document(ApiClient api, String trial, String text) {
    HttpResponse<String> r =
        api.postBytes(
            "/api/trials/" + trial + "/documents?kind=PROTOCOL&fileName=matrix.pdf",
            "application/pdf",
            VerificationIT.pdf(text),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String subject(ApiClient api, String trial, String name) {
    HttpResponse<String> r =
        api.postJson(
            "/api/trials/" + trial + "/site/subjects",
            "{\"name\":\"" + name + "\"}",
            "site1",
            "site1-demo-pw");
    assertEquals(201, r.statusCode(), r.body());
    return (String) RegistryApiIT.json(r).get("pseudonym");
  }

  private static HttpResponse<String> consent(
      ApiClient api, String subject, String form, String user, String password) {
    return api.postJson(
        "/api/subjects/" + subject + "/consents",
        "{\"consentFormId\":"
            + form
            + ",\"event\":\"CONSENTED\",\"occurredAt\":\""
            + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
            + "\",\"username\":\""
            + user
            + "\",\"password\":\""
            + password
            + "\"}",
        user,
        password);
  }

  private static long organisation(ApiClient api, String name) {
    return ((List<?>)
            JsonParser.parse(api.get("/api/admin/organisations", "admin", "admin-demo-pw").body()))
        .stream()
            .map(o -> (Map<?, ?>) o)
            .filter(o -> name.equals(o.get("name")))
            .map(o -> ((Number) o.get("id")).longValue())
            .findFirst()
            .orElseThrow();
  }

  // ---------------------------------------------------------------------------------------------------
  // The calls

  /**
   * The address of each operation: its path with the objects of its row, and the query it needs.
   */
  private static final Map<String, String> ADDRESSES = new LinkedHashMap<>();

  /**
   * The body of each operation that takes JSON; {user} and {password} are the caller's
   * (signatures).
   */
  private static final Map<String, String> BODIES = new LinkedHashMap<>();

  static {
    ADDRESSES.put("POST /api/admin/users/{username}/unlock", "/api/admin/users/sponsor/unlock");
    ADDRESSES.put("GET /api/admin/users/{username}", "/api/admin/users/sponsor");
    ADDRESSES.put("PUT /api/admin/users/{username}", "/api/admin/users/matrix.target");
    for (String op : List.of("password", "deactivate", "reactivate")) {
      ADDRESSES.put(
          "POST /api/admin/users/{username}/" + op, "/api/admin/users/matrix.target/" + op);
    }
    ADDRESSES.put("GET /api/anchors/{id}", "/api/anchors/999999");
    ADDRESSES.put("GET /api/anchors/{id}/ots", "/api/anchors/999999/ots");
    ADDRESSES.put("GET /api/anchors/{id}/tsr", "/api/anchors/999999/tsr");
    ADDRESSES.put("POST /api/inspections", "/api/inspections?trial={published}");
    ADDRESSES.put("GET /api/inspections/{id}", "/api/inspections/{inspection}");
    ADDRESSES.put("GET /api/inspections/{id}/package", "/api/inspections/{inspection}/package");
    ADDRESSES.put("GET /api/ledger/audits/{id}", "/api/ledger/audits/{ledgerAudit}");
    ADDRESSES.put("GET /api/log/checkpoint/{size}", "/api/log/checkpoint/{checkpointSize}");
    ADDRESSES.put("GET /api/log/checkpoints", "/api/log/checkpoints?max=10");
    ADDRESSES.put("GET /api/log/entries", "/api/log/entries?start=0");
    ADDRESSES.put(
        "GET /api/log/proof/consistency",
        "/api/log/proof/consistency?old={firstCheckpointSize}&new={checkpointSize}");
    ADDRESSES.put(
        "GET /api/log/proof/inclusion", "/api/log/proof/inclusion?leaf=0&size={checkpointSize}");
    ADDRESSES.put("GET /api/proofs/{leafHash}", "/api/proofs/{leafHash}");
    ADDRESSES.put("GET /api/receipts/{leafHash}", "/api/receipts/{leafHash}");
    ADDRESSES.put("GET /api/verify/{hash}", "/api/verify/{leafHash}");
    ADDRESSES.put(
        "POST /api/subjects/{pseudonym}/consents", "/api/subjects/{subjectToConsent}/consents");
    ADDRESSES.put("POST /api/subjects/{pseudonym}/erase", "/api/subjects/{subjectToErase}/erase");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/documents",
        "/api/trials/{draft}/documents?kind=PROTOCOL&fileName=more.pdf");
    ADDRESSES.put(
        "DELETE /api/trials/{registryId}/documents/{documentId}",
        "/api/trials/{draft}/documents/{draftDocToRemove}");
    ADDRESSES.put(
        "GET /api/trials/{registryId}/documents/{documentId}",
        "/api/trials/{draft}/documents/{draftDoc}");
    ADDRESSES.put("PUT /api/trials/{registryId}/draft", "/api/trials/{draft}/draft");
    ADDRESSES.put("GET /api/trials/{registryId}/draft", "/api/trials/{draft}/draft");
    ADDRESSES.put("POST /api/trials/{registryId}/submit", "/api/trials/{draftToSubmit}/submit");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/versions/{version}/publish",
        "/api/trials/{reviewToPublish}/versions/1/publish");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/versions/{version}/return",
        "/api/trials/{reviewToReturn}/versions/1/return");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/withdraw", "/api/trials/{publishedToWithdraw}/withdraw");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/site/activations",
        "/api/trials/{publishedToActivate}/site/activations");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/site/activations/{siteOrganisationId}/credentials",
        "/api/trials/{published}/site/activations/{site1Org}/credentials?kind=CV&fileName=cv.pdf");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/site/consent-forms",
        "/api/trials/{published}/site/consent-forms?label=v2.0&language=en&fileName=icf2.pdf");

    BODIES.put(
        "POST /api/admin/organisations",
        "{\"name\":\"Matrix Organisation {user}\",\"kind\":\"SPONSOR\",\"country\":\"DE\"}");
    BODIES.put(
        "POST /api/admin/users",
        "{\"username\":\"matrix.{user}\",\"fullName\":\"Matrix User\",\"password\":\"matrix-user-pw-1\","
            + "\"organisationId\":{foreignOrg},\"role\":\"SPONSOR\"}");
    BODIES.put(
        "PUT /api/admin/users/{username}",
        "{\"fullName\":\"Matrix Target {user}\",\"email\":\"target@example.org\"}");
    BODIES.put(
        "POST /api/admin/users/{username}/password", "{\"password\":\"matrix-target-pw-2\"}");
    BODIES.put(
        "POST /api/admin/users/{username}/deactivate", "{\"reason\":\"Left the study team\"}");
    BODIES.put(
        "POST /api/subjects/{pseudonym}/adverse-events",
        "{\"term\":\"Headache\",\"serious\":false,\"severity\":\"MILD\",\"onsetDate\":\"{today}\","
            + "\"outcome\":\"RECOVERING_RESOLVING\",\"relatedness\":\"POSSIBLY_RELATED\"}");
    BODIES.put(
        "POST /api/subjects/{pseudonym}/consents",
        "{\"consentFormId\":{consentForm},\"event\":\"CONSENTED\",\"occurredAt\":\"{anHourAgo}\","
            + "\"username\":\"{user}\",\"password\":\"{password}\"}");
    BODIES.put(
        "POST /api/subjects/{pseudonym}/disposition",
        "{\"status\":\"DISCONTINUED\",\"reason\":\"LOST_TO_FOLLOW_UP\",\"date\":\"{today}\"}");
    BODIES.put(
        "POST /api/subjects/{pseudonym}/erase",
        "{\"reason\":\"Erasure request of the matrix, ref M-1\"}");
    BODIES.put(
        "POST /api/subjects/{pseudonym}/results",
        "{\"visit\":\"Matrix {user}\",\"observedOn\":\"{today}\",\"outcomeIndex\":1,"
            + "\"valueType\":\"NUMBER\",\"value\":\"1\",\"unit\":\"%\"}");
    try {
      BODIES.put("POST /api/trials/{registryId}/results/validation", ResultsApiIT.demoResults());
      BODIES.put("POST /api/trials/{registryId}/results/versions", ResultsApiIT.demoResults());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    BODIES.put(
        "POST /api/trials/{registryId}/results/versions/{version}/comments",
        "{\"severity\":\"ADVISORY\",\"body\":\"Matrix comment\"}");
    ADDRESSES.put("GET /api/trials/{registryId}/results", "/api/trials/{resultsPublished}/results");
    ADDRESSES.put(
        "GET /api/trials/{registryId}/results/ctgov",
        "/api/trials/{resultsPublished}/results/ctgov");
    ADDRESSES.put(
        "GET /api/trials/{registryId}/results/fhir", "/api/trials/{resultsPublished}/results/fhir");
    ADDRESSES.put(
        "GET /api/trials/{registryId}/results/prefill", "/api/trials/{results}/results/prefill");
    ADDRESSES.put(
        "GET /api/trials/{registryId}/results/versions", "/api/trials/{results}/results/versions");
    ADDRESSES.put(
        "GET /api/trials/{registryId}/results/versions/{version}",
        "/api/trials/{results}/results/versions/1");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/results/validation",
        "/api/trials/{results}/results/validation");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/results/versions",
        "/api/trials/{resultsToSubmit}/results/versions");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/results/versions/{version}/comments",
        "/api/trials/{results}/results/versions/1/comments");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/results/versions/{version}/publish",
        "/api/trials/{resultsToPublish}/results/versions/1/publish");
    ADDRESSES.put(
        "POST /api/trials/{registryId}/results/versions/{version}/return",
        "/api/trials/{resultsToReturn}/results/versions/1/return");
    BODIES.put("POST /api/trials", RegistryFixtures.completeRecordJson());
    BODIES.put("PUT /api/trials/{registryId}/draft", RegistryFixtures.completeRecordJson());
    BODIES.put(
        "POST /api/trials/{registryId}/site/activations",
        "{\"siteOrganisationId\":{site1Org},\"principalInvestigator\":\"Dr. Amara Okafor\"}");
    BODIES.put("POST /api/trials/{registryId}/site/subjects", "{\"name\":\"Matrix Enrolment\"}");
    BODIES.put(
        "POST /api/trials/{registryId}/versions/{version}/comments",
        "{\"severity\":\"ADVISORY\",\"body\":\"Matrix comment\"}");
    BODIES.put("POST /api/trials/{registryId}/withdraw", "{\"reason\":\"Sponsor decision\"}");
    BODIES.put("POST /api/trials/{registryId}/submit", "{}");
    BODIES.put(
        "POST /api/verify/consistency", "{checkpointNote}"); // text/plain: a saved checkpoint
  }

  private HttpResponse<String> call(
      ApiClient api, String[] op, String caller, Map<String, String> o) {
    String key = op[0] + " " + op[1];
    String address = ADDRESSES.getOrDefault(key, defaultAddress(op[1]));
    Map<String, String> values = new LinkedHashMap<>(o);
    values.put("user", caller);
    values.put("password", String.valueOf(CALLERS.get(caller)));
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(substitute(address, values)));
    List<String> types = op[2].isEmpty() ? List.of() : List.of(op[2].split(","));
    String body =
        BODIES.getOrDefault(key, op[0].equals("GET") || op[0].equals("DELETE") ? null : "{}");
    if (types.contains("application/pdf")) {
      request
          .header("Content-Type", "application/pdf")
          .method(
              op[0],
              HttpRequest.BodyPublishers.ofByteArray(
                  VerificationIT.pdf("matrix upload by " + caller)));
    } else if (body != null) {
      String type =
          types.isEmpty() || types.contains("application/json") ? "application/json" : types.get(0);
      request
          .header("Content-Type", type)
          .method(op[0], HttpRequest.BodyPublishers.ofString(substitute(body, values)));
    } else {
      request.method(op[0], HttpRequest.BodyPublishers.noBody());
    }
    String password = CALLERS.get(caller);
    if (password != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((caller + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    // any representation: content negotiation (406) must not hide what authorization answers
    request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json, */*;q=0.5");
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * Trial paths name the trial under review (what only its sponsor and the regulators may see),
   * site paths the published one.
   */
  private static String defaultAddress(String template) {
    String trial = template.contains("/site/") ? "{published}" : "{review}";
    return template
        .replace("{registryId}", trial)
        .replace("{pseudonym}", "{subject}")
        .replace("{version}", "1")
        .replace("{from}", "1")
        .replace("{to}", "1");
  }

  private static String substitute(String template, Map<String, String> values) {
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null)
        throw new IllegalStateException("no object for " + m.group() + " in " + template);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {method, path, request content types} of every operation in the served document. */
  private static List<String[]> operations(ApiClient api) {
    ApiClient root = new ApiClient(serverRoot(api));
    Map<?, ?> doc = (Map<?, ?>) JsonParser.parse(root.get("/openapi?format=JSON").body());
    List<String[]> ops = new ArrayList<>();
    for (var path : ((Map<?, ?>) doc.get("paths")).entrySet()) {
      for (var op : ((Map<?, ?>) path.getValue()).entrySet()) {
        String method = op.getKey().toString().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method))
          continue;
        Map<?, ?> requestBody = (Map<?, ?>) ((Map<?, ?>) op.getValue()).get("requestBody");
        String types =
            requestBody == null
                ? ""
                : String.join(
                    ",",
                    ((Map<?, ?>) requestBody.get("content"))
                        .keySet().stream().map(Object::toString).toList());
        ops.add(new String[] {method, path.getKey().toString(), types});
      }
    }
    return ops;
  }

  private static URL serverRoot(ApiClient api) {
    try {
      return api.resolve("/").resolve("/").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // The data

  /**
   * One line of a matrix file: the expected statuses by caller; a query for pages; the comment
   * after {@code #}.
   */
  record Row(String query, Map<String, String> cells, String note) {
    boolean allowsSuccess(String caller) {
      return Stream.of(cells.get(caller).replace("!", "").split("\\|"))
          .anyMatch(s -> s.startsWith("2"));
    }
  }

  /**
   * Reads a matrix: {@code method,path,<one column per caller>} (API) or {@code
   * page,query,<callers>} (pages). A cell is a status or alternatives ({@code 200|201}); a cell
   * ending in {@code !} is a known finding, still expected as written (the test lists it) until the
   * code is fixed and the cell corrected.
   */
  static Map<String, Row> load(String resource) {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("no " + resource + " on the test class path");
      List<String> header = null;
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String note = raw.contains("#") ? raw.substring(raw.indexOf('#') + 1).strip() : "";
        String line = raw.replaceAll("#.*", "").strip();
        if (line.isEmpty()) continue;
        List<String> fields = Stream.of(line.split(",", -1)).map(String::strip).toList();
        if (header == null) {
          header = fields;
          assertEquals(
              List.copyOf(CALLERS.keySet()),
              header.subList(2, header.size()),
              resource + ": the callers' columns");
          continue;
        }
        if (fields.size() != header.size())
          throw new IllegalStateException(resource + ": " + fields.size() + " fields in " + raw);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 2; i < fields.size(); i++) cells.put(header.get(i), fields.get(i));
        boolean pages = header.get(0).equals("page");
        String key = pages ? fields.get(0) : fields.get(0) + " " + fields.get(1);
        if (rows.put(key, new Row(pages ? fields.get(1) : "", cells, note)) != null)
          throw new IllegalStateException(resource + ": twice " + key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static boolean matches(String spec, int status) {
    return Stream.of(spec.replace("!", "").split("\\|"))
        .anyMatch(s -> s.equals(String.valueOf(status)));
  }

  private static void record(String name, List<String> rows) throws IOException {
    if (!Boolean.getBoolean("authz.record")) return;
    Path file = Path.of("target/authz-actual-" + name + ".csv");
    Files.writeString(file, String.join("\n", rows) + "\n");
    System.out.println("Authorization matrix: wrote " + file.toAbsolutePath());
  }

  private static String abbreviate(String s) {
    return s == null
        ? ""
        : s.length() > 160 ? s.substring(0, 160).replace('\n', ' ') + "…" : s.replace('\n', ' ');
  }

  // ---------------------------------------------------------------------------------------------------
  // Pages

  /**
   * A signed-in session through the login form (as a browser posts it, CSP nonce included),
   * redirects not followed.
   */
  static final class PageClient {
    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");
    private final URI base;
    // Every cookie the server sets goes back, as a browser sends it (not only JSESSIONID).
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    PageClient(URL base, String user, String password) {
      this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
      if (password == null) return;
      HttpResponse<String> form = get("/login.xhtml");
      Matcher state = VIEW_STATE.matcher(form.body());
      if (!state.find()) throw new IllegalStateException("no view state on the login page");
      String nonce =
          form.headers()
              .firstValue("Content-Security-Policy")
              .orElseThrow()
              .replaceAll(".*'nonce-([^']+)'.*", "$1");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("login", "login");
      fields.put("login:username", user);
      fields.put("login:password", password);
      fields.put("login:submit", "");
      fields.put("jakarta.faces.ViewState", state.group(1));
      fields.put("primefaces.nonce", nonce);
      String body =
          fields.entrySet().stream()
              .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
              .collect(Collectors.joining("&"));
      HttpResponse<String> posted =
          send(
              HttpRequest.newBuilder(resolve("/login.xhtml"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      if (posted.statusCode() != 302 && posted.statusCode() != 303)
        throw new IllegalStateException("login of " + user + ": " + posted.statusCode());
      if (!get("/index.xhtml").body().contains("id=\"currentUser\""))
        throw new IllegalStateException("login of " + user + " failed");
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    private URI resolve(String path) {
      return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
