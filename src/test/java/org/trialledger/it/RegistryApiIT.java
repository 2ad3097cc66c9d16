package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
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
 * The registry through its REST API on PostgreSQL: the whole workflow with review, the public view
 * of it, hashes that a reader can recompute, bad input refused whole, and organisations kept apart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryApiIT {
  static final String SPONSOR = "sponsor";
  static final String SPONSOR_PW = "sponsor-demo-pw";
  static final String REGULATOR = "regulator";
  static final String REGULATOR_PW = "regulator-demo-pw";
  static final byte[] PDF =
      ("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
          .getBytes(StandardCharsets.ISO_8859_1);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(base);
  }

  @Test
  void aTrialGoesFromDraftThroughReviewToPublicationAndAmendment() throws Exception {
    String id = createDraft(RegistryFixtures.completeRecordJson());
    HttpResponse<String> upload = uploadPdf(id, PDF);
    assertEquals(201, upload.statusCode(), upload.body());
    String documentId = String.valueOf(json(upload).get("id"));

    // v1: a major comment blocks publication; the regulator returns it
    assertEquals(201, submit(id, "{}").statusCode());
    assertEquals(
        409,
        api.postJson("/api/trials/" + id + "/submit", "{}", SPONSOR, SPONSOR_PW).statusCode(),
        "one review at a time");
    assertEquals(
        201, comment(id, 1, "MAJOR", "Give the ethics committee's reference number").statusCode());
    HttpResponse<String> refused =
        api.postJson("/api/trials/" + id + "/versions/1/publish", "", REGULATOR, REGULATOR_PW);
    assertEquals(409, refused.statusCode());
    assertTrue(refused.body().contains("major comment"), refused.body());
    assertEquals(
        200,
        api.postJson("/api/trials/" + id + "/versions/1/return", "", REGULATOR, REGULATOR_PW)
            .statusCode());
    assertEquals(404, api.get("/api/trials/" + id).statusCode(), "never published: still private");

    // v2: the sponsor fixes it; an advisory comment does not block
    String fixed =
        RegistryFixtures.completeRecordJson()
            .replace(
                "Ethics Committee of the Charité",
                "Ethics Committee of the Charité, ref. EA1/123/25");
    assertEquals(
        200, api.putJson("/api/trials/" + id + "/draft", fixed, SPONSOR, SPONSOR_PW).statusCode());
    assertEquals(422, submit(id, "{}").statusCode(), "from version 2 on a reason is required");
    assertEquals(201, submit(id, "{\"reason\":\"Ethics reference added\"}").statusCode());
    assertEquals(
        201,
        comment(id, 2, "ADVISORY", "Consider adding a secondary outcome on quality of life")
            .statusCode());
    assertEquals(
        200,
        api.postJson("/api/trials/" + id + "/versions/2/publish", "", REGULATOR, REGULATOR_PW)
            .statusCode());

    // v3: an amendment changes the recruitment status
    String amended =
        fixed.replace(
            "\"recruitmentStatus\": \"NOT_YET_RECRUITING\"",
            "\"recruitmentStatus\": \"RECRUITING\"");
    assertEquals(
        200,
        api.putJson("/api/trials/" + id + "/draft", amended, SPONSOR, SPONSOR_PW).statusCode());
    assertEquals(201, submit(id, "{\"reason\":\"Recruitment opened\"}").statusCode());
    assertEquals(
        200,
        api.postJson("/api/trials/" + id + "/versions/3/publish", "", REGULATOR, REGULATOR_PW)
            .statusCode());

    // the public sees versions 2 and 3 (1 was never published), no review comments, and the current
    // record
    Map<String, Object> trial = json(api.get("/api/trials/" + id));
    assertEquals("PUBLISHED", trial.get("status"));
    assertEquals(3L, trial.get("publishedVersion"));
    List<?> versions = (List<?>) trial.get("versions");
    assertEquals(
        List.of(2L, 3L), versions.stream().map(v -> ((Map<?, ?>) v).get("version")).toList());
    assertFalse(
        api.get("/api/trials/" + id).body().contains("quality of life"),
        "review comments are not public");
    assertEquals("RECRUITING", ((Map<?, ?>) trial.get("record")).get("recruitmentStatus"));

    // anyone can recompute a version's hash from its canonical JSON, and the ledger holds it
    HttpResponse<byte[]> canonical = api.getBytes("/api/trials/" + id + "/versions/3");
    String contentHash = sha256(canonical.body());
    assertEquals(canonical.headers().firstValue("X-Content-SHA256").orElseThrow(), contentHash);
    String leaf = canonical.headers().firstValue("X-Leaf-Hash").orElseThrow();
    Map<String, Object> receipt = json(api.get("/api/receipts/" + leaf));
    assertEquals(contentHash, receipt.get("contentHash"));
    assertEquals("PROTOCOL_VERSION", receipt.get("artifactType"));

    // the document is public now, byte for byte, with its hash in the ledger
    HttpResponse<byte[]> pdf = api.getBytes("/api/trials/" + id + "/documents/" + documentId);
    assertEquals(200, pdf.statusCode());
    assertArrayEquals(PDF, pdf.body());
    assertEquals(sha256(PDF), pdf.headers().firstValue("X-Content-SHA256").orElseThrow());

    // what changed between two versions
    Map<String, Object> diff = json(api.get("/api/trials/" + id + "/versions/2/diff/3"));
    List<?> changes = (List<?>) diff.get("changes");
    assertEquals(1, changes.size(), changes.toString());
    assertEquals("recruitmentStatus", ((Map<?, ?>) changes.get(0)).get("path"));

    // search finds it by condition, intervention and filters, and not by a wrong filter
    assertTrue(search("q=psoriasis").contains(id));
    assertTrue(
        search("q=helixumab&recruitmentStatus=RECRUITING&phase=PHASE2&country=SE").contains(id));
    assertFalse(search("q=helixumab&country=FR").contains(id));
    assertFalse(search("q=helixumab&phase=PHASE1").contains(id));

    // exports of the published version
    HttpResponse<String> fhir = api.get("/api/trials/" + id + "/export/fhir");
    assertEquals(200, fhir.statusCode(), fhir.body());
    Map<String, Object> study = json(fhir);
    assertEquals("ResearchStudy", study.get("resourceType"));
    assertTrue(fhir.body().contains(id));
    HttpResponse<String> ctgov = api.get("/api/trials/" + id + "/export/ctgov");
    assertEquals(200, ctgov.statusCode(), ctgov.body());
    assertTrue(ctgov.body().contains("\"protocolSection\""));
    assertTrue(ctgov.body().contains("Helixumab for moderate plaque psoriasis"));

    // withdrawal keeps the history public
    assertEquals(
        422,
        api.postJson("/api/trials/" + id + "/withdraw", "{}", SPONSOR, SPONSOR_PW).statusCode());
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + id + "/withdraw",
                "{\"reason\":\"Sponsor decision\"}",
                SPONSOR,
                SPONSOR_PW)
            .statusCode());
    Map<String, Object> withdrawn = json(api.get("/api/trials/" + id));
    assertEquals("WITHDRAWN", withdrawn.get("status"));
    assertEquals(2, ((List<?>) withdrawn.get("versions")).size());
  }

  @Test
  void badInputGetsAClearMessageAndNothingIsStoredHalfWay() throws Exception {
    String id = createDraft("{\"publicTitle\":\"Bad input trial\"}");
    HttpResponse<String> tooLong =
        api.putJson(
            "/api/trials/" + id + "/draft",
            "{\"publicTitle\":\"" + "x".repeat(501) + "\"}",
            SPONSOR,
            SPONSOR_PW);
    assertProblem(tooLong, 422, "publicTitle", "At most 500 characters");
    assertProblem(
        api.putJson(
            "/api/trials/" + id + "/draft",
            "{\"firstEnrolment\":{\"date\":\"2024-13\"}}",
            SPONSOR,
            SPONSOR_PW),
        422,
        "firstEnrolment.date",
        "Not a real calendar date");
    assertProblem(
        api.putJson("/api/trials/" + id + "/draft", "{\"conditions\":[\"a\"", SPONSOR, SPONSOR_PW),
        400,
        null,
        "not valid JSON");
    assertProblem(
        api.putJson(
            "/api/trials/" + id + "/draft", "{\"publicTitel\":\"typo\"}", SPONSOR, SPONSOR_PW),
        422,
        "publicTitel",
        "Unknown field");
    assertEquals(
        "Bad input trial",
        ((Map<?, ?>) json(api.get("/api/trials/" + id + "/draft", SPONSOR, SPONSOR_PW)))
            .get("publicTitle"),
        "refused edits left the draft as it was");

    byte[] zip = "PK\u0003\u0004 renamed spreadsheet".getBytes(StandardCharsets.ISO_8859_1);
    assertProblem(uploadPdf(id, zip), 422, "file", "not a PDF");
    assertProblem(uploadPdf(id, new byte[0]), 422, "file", "empty");
    String huge =
        declareHugeUpload("/api/trials/" + id + "/documents?kind=PROTOCOL&fileName=huge.pdf");
    assertTrue(huge.startsWith("HTTP/1.1 413"), huge);
    assertTrue(huge.contains("larger than the limit of 50 MB"), huge);
    assertEquals(
        0,
        ((List<?>) json(api.get("/api/trials/" + id, SPONSOR, SPONSOR_PW)).get("documents")).size(),
        "no document stored");

    HttpResponse<String> incomplete = submit(id, "{}");
    assertEquals(422, incomplete.statusCode());
    assertTrue(
        incomplete.body().contains("scientificTitle")
            && incomplete.body().contains("primaryOutcomes"),
        incomplete.body());
    assertEquals(
        0,
        ((List<?>)
                JsonParser.parse(
                    api.get("/api/trials/" + id + "/versions", SPONSOR, SPONSOR_PW).body()))
            .size(),
        "no version stored");
    assertProblem(api.get("/api/trials?startFrom=yesterday"), 422, "startFrom", "YYYY-MM-DD");
  }

  @Test
  void anotherSponsorCannotSeeOrChangeADraftAndRegulatorsWriteNoRecords() {
    String id = createDraft("{\"publicTitle\":\"Confidential draft\"}");
    String admin = "admin";
    String adminPw = "admin-demo-pw";
    HttpResponse<String> org =
        api.postJson(
            "/api/admin/organisations",
            "{\"name\":\"Rival Pharma\",\"kind\":\"SPONSOR\",\"country\":\"CH\"}",
            admin,
            adminPw);
    assertTrue(org.statusCode() == 201 || org.statusCode() == 409, org.body());
    long orgId =
        ((Number)
                ((List<?>)
                        JsonParser.parse(
                            api.get("/api/admin/organisations", admin, adminPw).body()))
                    .stream()
                        .map(o -> (Map<?, ?>) o)
                        .filter(o -> "Rival Pharma".equals(o.get("name")))
                        .findFirst()
                        .orElseThrow()
                        .get("id"))
            .longValue();
    api.postJson(
        "/api/admin/users",
        "{\"username\":\"rival\",\"fullName\":\"Rita Rival\",\"password\":\"rival-password-1\",\"organisationId\":"
            + orgId
            + ",\"role\":\"SPONSOR\"}",
        admin,
        adminPw);

    assertEquals(404, api.get("/api/trials/" + id, "rival", "rival-password-1").statusCode());
    assertEquals(
        404, api.get("/api/trials/" + id + "/draft", "rival", "rival-password-1").statusCode());
    assertEquals(
        404,
        api.putJson(
                "/api/trials/" + id + "/draft",
                "{\"publicTitle\":\"hijacked\"}",
                "rival",
                "rival-password-1")
            .statusCode());
    assertEquals(
        404,
        api.postBytes(
                "/api/trials/" + id + "/documents?kind=PROTOCOL",
                "application/pdf",
                PDF,
                "rival",
                "rival-password-1")
            .statusCode());
    assertEquals(
        404,
        api.postJson("/api/trials/" + id + "/submit", "{}", "rival", "rival-password-1")
            .statusCode());
    assertFalse(api.get("/api/trials/mine", "rival", "rival-password-1").body().contains(id));
    assertEquals(404, api.get("/api/trials/" + id).statusCode(), "the public does not see drafts");

    assertEquals(
        200,
        api.get("/api/trials/" + id + "/draft", REGULATOR, REGULATOR_PW).statusCode(),
        "regulators read drafts");
    assertEquals(
        403,
        api.putJson(
                "/api/trials/" + id + "/draft", "{\"publicTitle\":\"x\"}", REGULATOR, REGULATOR_PW)
            .statusCode());
    assertEquals(403, api.postJson("/api/trials", "{}", REGULATOR, REGULATOR_PW).statusCode());
    assertEquals(
        403,
        api.postJson("/api/trials/" + id + "/versions/1/publish", "", SPONSOR, SPONSOR_PW)
            .statusCode(),
        "sponsors do not publish");
    assertEquals(401, api.postJson("/api/trials", "{}", null, null).statusCode());
    assertEquals(
        "Confidential draft",
        json(api.get("/api/trials/" + id + "/draft", SPONSOR, SPONSOR_PW)).get("publicTitle"));
  }

  @Test
  void bothClinicalTrialsGovExamplesImportAsDrafts() throws Exception {
    Path vectors = Path.of(System.getProperty("vectors.dir"), "ctgov");
    for (String nct : List.of("NCT06171568", "NCT00763412")) {
      HttpResponse<String> imported =
          api.postJson(
              "/api/trials/import/ctgov",
              Files.readString(vectors.resolve(nct + ".json")),
              SPONSOR,
              SPONSOR_PW);
      assertEquals(201, imported.statusCode(), imported.body());
      Map<String, Object> body = json(imported);
      assertTrue(
          imported.body().contains("\"" + nct + "\""), "the NCT number is kept as a secondary id");
      assertFalse(((List<?>) body.get("unmapped")).isEmpty(), "what had no home is reported");
      assertEquals("DRAFT", body.get("status"));
    }
    assertProblem(
        api.postJson("/api/trials/import/ctgov", "{\"protocolSection\": [", SPONSOR, SPONSOR_PW),
        422,
        "file",
        "not valid JSON");
  }

  @Test
  void theOpenApiDocumentDescribesTheRegistry() throws Exception {
    // Payara serves /openapi at the server's root, beside the application
    String openapi =
        new ApiClient(new URL(base.getProtocol(), base.getHost(), base.getPort(), "/"))
            .get("/openapi")
            .body();
    assertTrue(
        openapi.contains("/api/trials/{registryId}/submit")
            || openapi.contains("/trials/{registryId}/submit"),
        "submit is documented");
    assertTrue(openapi.contains("export/fhir"));
  }

  private String createDraft(String json) {
    HttpResponse<String> created = api.postJson("/api/trials", json, SPONSOR, SPONSOR_PW);
    assertEquals(201, created.statusCode(), created.body());
    String id = (String) json(created).get("registryId");
    assertNotNull(id);
    assertTrue(id.matches("TLR-\\d{8}-\\d"), id);
    return id;
  }

  private HttpResponse<String> uploadPdf(String id, byte[] bytes) {
    return api.postBytes(
        "/api/trials/" + id + "/documents?kind=PROTOCOL&fileName=protocol.pdf",
        "application/pdf",
        bytes,
        SPONSOR,
        SPONSOR_PW);
  }

  private HttpResponse<String> submit(String id, String body) {
    return api.postJson("/api/trials/" + id + "/submit", body, SPONSOR, SPONSOR_PW);
  }

  private HttpResponse<String> comment(String id, int version, String severity, String text) {
    return api.postJson(
        "/api/trials/" + id + "/versions/" + version + "/comments",
        "{\"severity\":\"" + severity + "\",\"body\":\"" + text + "\"}",
        REGULATOR,
        REGULATOR_PW);
  }

  private String search(String query) {
    HttpResponse<String> r = api.get("/api/trials?" + query);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private static void assertProblem(HttpResponse<String> r, int status, String field, String text) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        r.headers().toString());
    assertTrue(r.body().contains(text), r.body());
    if (field != null) assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
    Pages.assertNoStackTrace(r.body());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(HttpResponse<String> r) {
    return (Map<String, Object>) JsonParser.parse(r.body());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /**
   * Starts a 200 MB upload as a client would (headers declaring the size, then the first bytes) and
   * returns the server's answer: it must refuse on the declared size without waiting for the rest.
   * A raw socket, because an HTTP client library treats the early answer and the closed connection
   * as a failure.
   */
  private String declareHugeUpload(String path) throws Exception {
    URI uri = api.resolve(path);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      String auth =
          Base64.getEncoder()
              .encodeToString((SPONSOR + ":" + SPONSOR_PW).getBytes(StandardCharsets.UTF_8));
      String head =
          "POST "
              + uri.getRawPath()
              + "?"
              + uri.getRawQuery()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nAuthorization: Basic "
              + auth
              + "\r\nContent-Type: application/pdf\r\nAccept: application/json\r\nContent-Length: "
              + (200L * 1024 * 1024)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(new byte[64 * 1024]);
      socket.getOutputStream().flush();
      byte[] answer = new byte[8192];
      int n = 0;
      InputStream in = socket.getInputStream();
      int r;
      while (n < answer.length && (r = in.read(answer, n, answer.length - n)) > 0) {
        n += r;
        if (new String(answer, 0, n, StandardCharsets.ISO_8859_1).contains("}")) break;
      }
      return new String(answer, 0, n, StandardCharsets.UTF_8);
    }
  }
}
