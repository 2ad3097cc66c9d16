package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Issue 15, findings 1 and 2: an operator with SQL changes the workflow state the public sees
 * (published version, status, record ownership, activations) or blanks a record as if its subject
 * had asked. Each change stays visible through the public API, as it would, and the full audit must
 * name it; each test undoes its change, so each starts from an untouched database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StateTamperIT {
  private static final String NORDIC = "Nordic Clinical Research Centre";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  /** A trial with two published versions, site 1 activated, Alice with an AE, Carol erased. */
  private static String trial;

  private static String alice;
  private static String bob;
  private static long aliceAe;

  @BeforeEach
  void aTrialWithSitesSubjectsAndAnErasure() throws Exception {
    if (trial != null) return;
    ApiClient api = api();
    String record = RegistryFixtures.completeRecordJson();
    trial =
        (String)
            RegistryApiIT.json(api.postJson("/api/trials", record, "sponsor", "sponsor-demo-pw"))
                .get("registryId");
    ok(201, api.postJson("/api/trials/" + trial + "/submit", "{}", "sponsor", "sponsor-demo-pw"));
    ok(200, publish(api, 1));
    ok(
        200,
        api.putJson(
            "/api/trials/" + trial + "/draft",
            record.replace(
                "\"recruitmentStatus\": \"NOT_YET_RECRUITING\"",
                "\"recruitmentStatus\": \"RECRUITING\""),
            "sponsor",
            "sponsor-demo-pw"));
    ok(
        201,
        api.postJson(
            "/api/trials/" + trial + "/submit",
            "{\"reason\":\"Recruitment opened\"}",
            "sponsor",
            "sponsor-demo-pw"));
    ok(200, publish(api, 2));
    ok(
        201,
        api.postJson(
            "/api/trials/" + trial + "/site/activations",
            "{\"siteOrganisationId\":"
                + organisation("St. Mary's Hospital Research Unit")
                + ",\"principalInvestigator\":\"Dr. Amara Okafor\"}",
            "sponsor",
            "sponsor-demo-pw"));
    HttpResponse<String> form =
        api.postBytes(
            "/api/trials/" + trial + "/site/consent-forms?label=v1.0&language=en&fileName=icf.pdf",
            "application/pdf",
            VerificationIT.pdf("informed consent form v1"),
            "sponsor",
            "sponsor-demo-pw");
    ok(201, form);
    long formId = ((Number) RegistryApiIT.json(form).get("id")).longValue();
    alice = enrolWithConsent(api, formId);
    bob = enrolWithConsent(api, formId);
    String carol = enrolWithConsent(api, formId);
    HttpResponse<String> ae =
        api.postJson(
            "/api/subjects/" + alice + "/adverse-events",
            "{\"term\":\"Headache\",\"serious\":false,\"severity\":\"MILD\",\"onsetDate\":\""
                + LocalDate.now()
                + "\",\"outcome\":\"RECOVERING_RESOLVING\",\"relatedness\":\"POSSIBLY_RELATED\"}",
            "site1",
            "site1-demo-pw");
    ok(201, ae);
    aliceAe =
        LedgerIT.count(
            "SELECT id FROM site_record WHERE leaf_hash = '"
                + RegistryApiIT.json(ae).get("leafHash")
                + "'");
    ok(
        200,
        api.postJson(
            "/api/subjects/" + carol.toLowerCase() + "/erase",
            "{\"reason\":\"Request of 2026-11-20, ref ER-7\"}",
            "admin",
            "admin-demo-pw"));
    long deadline = System.currentTimeMillis() + 30_000;
    while (LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0
        || LedgerIT.count("SELECT MAX(tree_size) FROM checkpoint")
            < LedgerIT.count("SELECT COUNT(*) FROM ledger_entry")) {
      assertTrue(System.currentTimeMillis() < deadline, "the integrator did not catch up");
      Thread.sleep(100);
    }
  }

  @Test
  void anUntouchedDatabaseWithAnHonouredErasureHasNoDiscrepancy() throws Exception {
    JsonObject result = audit();
    assertEquals("PASSED", result.getString("state"), result.toString());
    assertEquals(
        LedgerIT.count("SELECT COUNT(*) FROM site_record WHERE record_json IS NULL"),
        result.getJsonNumber("erasedByRequest").longValue(),
        "Carol's records, erased on her request: " + result);
  }

  @Test
  void aPublishedVersionSetBack() throws Exception {
    update("UPDATE trial SET published_version = 1 WHERE registry_id = '" + trial + "'");
    try {
      assertEquals(1L, ((Number) publicTrial().get("publishedVersion")).longValue());
      JsonObject d =
          assertFinding(audit(), "STATE_MISMATCH", "trial " + trial, "published_version");
      assertEquals("1", d.getString("found"));
      assertTrue(d.getString("expected").startsWith("2 (audit record "), d.toString());
    } finally {
      update("UPDATE trial SET published_version = 2 WHERE registry_id = '" + trial + "'");
    }
  }

  @Test
  void aForgedWithdrawal() throws Exception {
    update(
        "UPDATE trial SET status = 'WITHDRAWN', withdrawn_at = CURRENT_TIMESTAMP,"
            + " withdrawal_reason = 'Safety concerns' WHERE registry_id = '"
            + trial
            + "'");
    try {
      assertEquals("WITHDRAWN", publicTrial().get("status"));
      JsonObject result = audit();
      JsonObject status = assertFinding(result, "STATE_MISMATCH", "trial " + trial, "status");
      assertEquals("WITHDRAWN", status.getString("found"));
      assertFinding(result, "STATE_MISMATCH", "trial " + trial, "withdrawn_at");
    } finally {
      update(
          "UPDATE trial SET status = 'PUBLISHED', withdrawn_at = NULL, withdrawal_reason = NULL"
              + " WHERE registry_id = '"
              + trial
              + "'");
    }
  }

  @Test
  void aSearchColumnNotTakenFromThePublishedVersion() throws Exception {
    update("UPDATE trial SET recruitment_status = 'COMPLETED' WHERE registry_id = '" + trial + "'");
    try {
      String search = api().get("/api/trials?recruitmentStatus=COMPLETED").body();
      assertTrue(search.contains(trial), "the public search finds it as completed: " + search);
      JsonObject d =
          assertFinding(audit(), "STATE_MISMATCH", "trial " + trial, "recruitment_status");
      assertEquals("RECRUITING (published version 2)", d.getString("expected"));
      assertEquals("COMPLETED", d.getString("found"));
    } finally {
      update(
          "UPDATE trial SET recruitment_status = 'RECRUITING' WHERE registry_id = '" + trial + "'");
    }
  }

  @Test
  void aVersionStateForged() throws Exception {
    long trialId = LedgerIT.count("SELECT id FROM trial WHERE registry_id = '" + trial + "'");
    update(
        "UPDATE trial_version SET state = 'RETURNED' WHERE version_number = 1 AND trial_id = "
            + trialId);
    try {
      assertFinding(audit(), "STATE_MISMATCH", "trial " + trial + " version 1", "state");
    } finally {
      update(
          "UPDATE trial_version SET state = 'PUBLISHED' WHERE version_number = 1 AND trial_id = "
              + trialId);
    }
  }

  @Test
  void anAdverseEventMovedToAnotherSubject() throws Exception {
    long owner = LedgerIT.count("SELECT subject_id FROM site_record WHERE id = " + aliceAe);
    long other = LedgerIT.count("SELECT id FROM subject WHERE pseudonym = '" + bob + "'");
    update("UPDATE site_record SET subject_id = " + other + " WHERE id = " + aliceAe);
    try {
      String bobs = api().get("/api/subjects/" + bob, "regulator", "regulator-demo-pw").body();
      assertTrue(bobs.contains("Headache"), "the public side shows what the table says: " + bobs);
      JsonObject d =
          assertFinding(audit(), "STATE_MISMATCH", "site record " + aliceAe + " ", "subject_id");
      assertEquals("subject " + bob, d.getString("found"));
      assertTrue(d.getString("expected").startsWith("subject " + alice), d.toString());
    } finally {
      update("UPDATE site_record SET subject_id = " + owner + " WHERE id = " + aliceAe);
    }
  }

  @Test
  void anAdverseEventRefiledAsALaterVersion() throws Exception {
    update("UPDATE site_record SET version = 7 WHERE id = " + aliceAe);
    try {
      JsonObject d =
          assertFinding(audit(), "STATE_MISMATCH", "site record " + aliceAe + " ", "version");
      assertEquals("7", d.getString("found"));
    } finally {
      update("UPDATE site_record SET version = 1 WHERE id = " + aliceAe);
    }
  }

  @Test
  void aForgedSiteActivation() throws Exception {
    long trialId = LedgerIT.count("SELECT id FROM trial WHERE registry_id = '" + trial + "'");
    long nordic = organisation(NORDIC);
    update(
        "INSERT INTO site_activation (trial_id, site_organisation_id, principal_investigator,"
            + " activated_at, activated_by) VALUES ("
            + trialId
            + ", "
            + nordic
            + ", 'Dr. Nobody', CURRENT_TIMESTAMP, 'sponsor')");
    try {
      HttpResponse<String> enrolled =
          api().postJson("/api/trials/" + trial + "/site/subjects", "", "site2", "site2-demo-pw");
      assertEquals(201, enrolled.statusCode(), "the forged activation works: " + enrolled.body());
      JsonObject result = audit();
      assertFinding(
          result,
          "STATE_MISMATCH",
          "site " + NORDIC + " (organisation " + nordic + ")",
          "site_activation");
      // the subject it let site 2 enrol stays: its enrolment is in the log, as it happened
    } finally {
      update(
          "DELETE FROM site_activation WHERE site_organisation_id = "
              + nordic
              + " AND trial_id = "
              + trialId);
    }
  }

  @Test
  void aFakeErasureOfASubjectWhoNeverAsked() throws Exception {
    Map<String, Object> before =
        row("SELECT record_json, salt FROM site_record WHERE id = " + aliceAe);
    update("UPDATE site_record SET record_json = NULL, salt = NULL WHERE id = " + aliceAe);
    try {
      JsonObject result = audit();
      assertFinding(
          result, "ERASED_WITHOUT_REQUEST", "/site-records/" + aliceAe + " v1", "content");
      assertEquals(
          LedgerIT.count("SELECT COUNT(*) FROM site_record WHERE record_json IS NULL") - 1,
          result.getJsonNumber("erasedByRequest").longValue(),
          "the fake erasure is not counted as erased by request");

      // marking the subject erased as well does not make it a request
      update("UPDATE subject SET erased_at = CURRENT_TIMESTAMP WHERE pseudonym = '" + alice + "'");
      result = audit();
      assertFinding(
          result, "ERASED_WITHOUT_REQUEST", "/site-records/" + aliceAe + " v1", "content");
      assertFinding(result, "ERASED_WITHOUT_REQUEST", "subject " + alice, "erased_at");
    } finally {
      update("UPDATE subject SET erased_at = NULL WHERE pseudonym = '" + alice + "'");
      try (Connection c = TestDatabase.connect();
          PreparedStatement p =
              c.prepareStatement("UPDATE site_record SET record_json = ?, salt = ? WHERE id = ?")) {
        p.setString(1, (String) before.get("record_json"));
        p.setString(2, (String) before.get("salt"));
        p.setLong(3, aliceAe);
        assertEquals(1, p.executeUpdate());
      }
    }
  }

  @Test
  void anErasureUndoneBySql() throws Exception {
    String carol =
        LedgerIT.string(
            "SELECT pseudonym FROM subject WHERE erased_at IS NOT NULL ORDER BY id DESC");
    update("UPDATE subject SET erased_at = NULL WHERE pseudonym = '" + carol + "'");
    try {
      JsonObject result = audit();
      assertFinding(result, "STATE_MISMATCH", "subject " + carol, "erased_at");
      // its blanked records now lack a marked erasure
      assertFinding(result, "ERASED_WITHOUT_REQUEST", "/site-records/", "content");
    } finally {
      update("UPDATE subject SET erased_at = CURRENT_TIMESTAMP WHERE pseudonym = '" + carol + "'");
    }
  }

  private String enrolWithConsent(ApiClient api, long formId) {
    HttpResponse<String> enrolled =
        api.postJson("/api/trials/" + trial + "/site/subjects", "", "site1", "site1-demo-pw");
    ok(201, enrolled);
    String p = (String) RegistryApiIT.json(enrolled).get("pseudonym");
    ok(
        201,
        api.postJson(
            "/api/subjects/" + p + "/consents",
            "{\"consentFormId\":"
                + formId
                + ",\"event\":\"CONSENTED\",\"occurredAt\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"username\":\"site1\",\"password\":\"site1-demo-pw\"}",
            "site1",
            "site1-demo-pw"));
    return p;
  }

  private HttpResponse<String> publish(ApiClient api, int version) {
    return api.postJson(
        "/api/trials/" + trial + "/versions/" + version + "/publish",
        "",
        "regulator",
        "regulator-demo-pw");
  }

  private Map<String, Object> publicTrial() {
    HttpResponse<String> r = api().get("/api/trials/" + trial);
    ok(200, r);
    return RegistryApiIT.json(r);
  }

  private long organisation(String name) {
    return ((List<?>)
            JsonParser.parse(
                api().get("/api/admin/organisations", "admin", "admin-demo-pw").body()))
        .stream()
            .map(o -> (Map<?, ?>) o)
            .filter(o -> name.equals(o.get("name")))
            .map(o -> ((Number) o.get("id")).longValue())
            .findFirst()
            .orElseThrow();
  }

  private JsonObject audit() throws InterruptedException {
    return LedgerAudits.run(api(), "admin", "admin-demo-pw");
  }

  private static JsonObject assertFinding(
      JsonObject result, String kind, String whereContains, String field) {
    assertEquals("FAILED", result.getString("state"), "the audit should fail: " + result);
    for (JsonValue v : result.getJsonArray("discrepancies")) {
      JsonObject d = v.asJsonObject();
      if (d.getString("kind").equals(kind)
          && d.getString("where").contains(whereContains)
          && field.equals(d.getString("field", null))) return d;
    }
    throw new AssertionError(
        "expected "
            + kind
            + " at \""
            + whereContains
            + "\" ("
            + field
            + ") in "
            + result.getJsonArray("discrepancies"));
  }

  private static void ok(int status, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
  }

  private static void update(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static Map<String, Object> row(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return Map.of("record_json", rs.getString(1), "salt", rs.getString(2));
    }
  }

  private ApiClient api() {
    return new ApiClient(base);
  }
}
