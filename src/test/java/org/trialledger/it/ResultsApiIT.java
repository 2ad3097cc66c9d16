package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.ledger.Vectors;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Results through the REST API on PostgreSQL: checked as PRS checks them, submitted with their
 * ledger entry, returned and published by a regulator, read by the public in both forms; roles and
 * organisations kept apart; the full audit still passes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResultsApiIT {
  static final String S = "sponsor", SPW = "sponsor-demo-pw";
  static final String R = "regulator", RPW = "regulator-demo-pw";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  static String demoResults() throws Exception {
    try (InputStream in =
        ResultsApiIT.class.getResourceAsStream("/results/helix-pso-results.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String published(ApiClient api) {
    HttpResponse<String> r =
        api.postJson("/api/trials", RegistryFixtures.completeRecordJson(), S, SPW);
    assertEquals(201, r.statusCode(), r.body());
    String id = (String) RegistryApiIT.json(r).get("registryId");
    assertEquals(201, api.postJson("/api/trials/" + id + "/submit", "{}", S, SPW).statusCode());
    assertEquals(
        200, api.postJson("/api/trials/" + id + "/versions/1/publish", "", R, RPW).statusCode());
    return id;
  }

  @Test
  void sponsorSubmitsRegulatorReturnsThenPublishesAndThePublicReads() throws Exception {
    ApiClient api = new ApiClient(base);
    String id = published(api);
    String results = "/api/trials/" + id + "/results";
    String good = demoResults();

    assertEquals(404, api.get(results).statusCode(), "nothing published yet");

    // checked before submission: an error at the field, nothing written
    String badP = good.replace("\"pValue\": \"<0.001\"", "\"pValue\": \"1.5\"");
    HttpResponse<String> check = api.postJson(results + "/validation", badP, S, SPW);
    assertEquals(200, check.statusCode(), check.body());
    assertTrue(
        check.body().contains("\"field\":\"outcomeMeasures[0].analyses[0].pValue\""), check.body());
    HttpResponse<String> refused = api.postJson(results + "/versions", badP, S, SPW);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("outcomeMeasures[0].analyses[0].pValue"), refused.body());
    assertEquals("[]", api.get(results + "/versions", S, SPW).body());

    // roles and organisations: neither a regulator nor a site submits; nobody else reviews
    assertEquals(403, api.postJson(results + "/versions", good, R, RPW).statusCode());
    assertEquals(
        403, api.postJson(results + "/versions", good, "site1", "site1-demo-pw").statusCode());

    HttpResponse<String> v1 = api.postJson(results + "/versions", good, S, SPW);
    assertEquals(201, v1.statusCode(), v1.body());
    Map<String, Object> version = RegistryApiIT.json(v1);
    assertEquals("SUBMITTED", version.get("state"));
    HttpResponse<String> bytes = api.get(results + "/versions/1", S, SPW);
    assertEquals(200, bytes.statusCode(), bytes.body());
    assertEquals(
        version.get("contentSha256"),
        RegistryApiIT.sha256(bytes.body().getBytes(StandardCharsets.UTF_8)),
        "the stored canonical JSON hashes to the ledger entry's content hash");
    assertEquals(404, api.get(results + "/versions/1").statusCode(), "not public under review");
    assertEquals(
        409, api.postJson(results + "/versions", good, S, SPW).statusCode(), "one at a time");

    assertEquals(403, api.postJson(results + "/versions/1/publish", "", S, SPW).statusCode());
    assertEquals(
        201,
        api.postJson(
                results + "/versions/1/comments",
                "{\"severity\":\"MAJOR\",\"body\":\"Report the week 20 follow-up too\"}",
                R,
                RPW)
            .statusCode());
    assertEquals(409, api.postJson(results + "/versions/1/publish", "", R, RPW).statusCode());
    assertEquals(200, api.postJson(results + "/versions/1/return", "", R, RPW).statusCode());

    String changed =
        good.replace("\"timeFrame\": \"Week 16\"", "\"timeFrame\": \"Week 16 and week 20\"");
    HttpResponse<String> v2 = api.postJson(results + "/versions", changed, S, SPW);
    assertEquals(201, v2.statusCode(), v2.body());
    assertEquals(200, api.postJson(results + "/versions/2/publish", "", R, RPW).statusCode());

    HttpResponse<String> pub = api.get(results);
    assertEquals(200, pub.statusCode(), pub.body());
    assertTrue(pub.body().contains("Week 16 and week 20"), pub.body());
    assertEquals(
        RegistryApiIT.sha256(pub.body().getBytes(StandardCharsets.UTF_8)),
        pub.headers().firstValue("X-Content-SHA256").orElseThrow());
    HttpResponse<String> ctgov = api.get(results + "/ctgov");
    assertEquals(200, ctgov.statusCode(), ctgov.body());
    assertTrue(ctgov.body().contains("\"outcomeMeasuresModule\""), ctgov.body());
    assertTrue(ctgov.body().contains("\"Nasopharyngitis\""), ctgov.body());
    HttpResponse<String> fhir = api.get(results + "/fhir");
    assertEquals(200, fhir.statusCode(), fhir.body());
    assertTrue(
        fhir.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
    assertTrue(
        fhir.body().contains("\"resourceType\": \"Bundle\"")
            && fhir.body().contains("\"resourceType\": \"Group\"")
            && fhir.body().contains("\"resourceType\": \"Observation\""),
        fhir.body());
    assertEquals(
        1,
        ((List<?>)
                org.trialledger.ledger.json.JsonParser.parse(api.get(results + "/versions").body()))
            .size(),
        "published only");

    // the history page compares results versions field by field: the sponsor sees the returned
    // version 1 beside the published version 2, the public the published version only
    String history =
        new PageSession(base).login(S, SPW).get("/registry/history.xhtml?id=" + id).body();
    assertTrue(history.contains("id=\"resultsHistory\""), history);
    assertTrue(
        history.contains("1 field(s) differ between results version 1 and results version 2"),
        history);
    assertTrue(history.contains("time frame") && history.contains("week 20"), history);
    String publicHistory = api.get("/registry/history.xhtml?id=" + id).body();
    assertTrue(
        publicHistory.contains("0 field(s) differ between results version 2 and results version 2"),
        publicHistory);

    JsonObject audit = LedgerAudits.run(api, "admin", "admin-demo-pw");
    assertEquals("PASSED", audit.getString("state"), audit.toString());
  }

  @Test
  void aClinicalTrialsGovRecordIsCheckedWithWhatItCouldNotMap() throws Exception {
    ApiClient api = new ApiClient(base);
    String id = published(api);
    String record = Files.readString(Vectors.dir("ctgov").resolve("NCT00763412.json"));
    HttpResponse<String> r =
        api.postJson("/api/trials/" + id + "/results/validation", record, S, SPW);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> body = RegistryApiIT.json(r);
    assertEquals(List.of(), body.get("unmapped"));
    // its groups are not this trial's arms, and it does not report "PASI 75 response"
    assertTrue(r.body().contains("matches no registered arm"), r.body());
    assertTrue(r.body().contains("PASI 75 response"), r.body());

    assertEquals(
        400, api.postJson("/api/trials/" + id + "/results/validation", "{", S, SPW).statusCode());
    assertEquals(
        404, api.postJson("/api/trials/NOPE-1/results/validation", record, S, SPW).statusCode());
  }
}
