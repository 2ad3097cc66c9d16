package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Bad input through every operation that takes a body, as the served OpenAPI document lists them
 * (so a new endpoint is covered the day it appears), for every kind of caller: each answer is a 4xx
 * problem document, never a 500, a hang or a stack trace. Then the specific findings: bodies that
 * cost CPU, a {@code null} body, an index that wrapped, NUL in registry text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {
  private static final String[][] CALLERS = {
    {null, null},
    {"admin", "admin-demo-pw"},
    {"sponsor", "sponsor-demo-pw"},
    {"site1", "site1-demo-pw"},
    {"regulator", "regulator-demo-pw"}
  };

  /**
   * Bodies no operation accepts: not an object, malformed, or built to cost the server time or
   * memory.
   */
  static Map<String, byte[]> corpus() {
    Map<String, byte[]> c = new LinkedHashMap<>();
    c.put("null", utf8("null"));
    c.put("array", utf8("[]"));
    c.put("string", utf8("\"x\""));
    c.put("number", utf8("42"));
    c.put("truncated", utf8("{\"a\":"));
    c.put("trailing garbage", utf8("{} x"));
    c.put("duplicate keys", utf8("{\"a\":1,\"a\":2}"));
    c.put("exponent bomb", utf8("{\"count\":1e999999999,\"enrolment\":{\"count\":1e10000000}}"));
    c.put("overflowing exponent", utf8("{\"a\":1E+99999999999999}"));
    c.put("100k digits", utf8("{\"a\":" + "9".repeat(100_000) + "}"));
    c.put("nested 1000 deep", utf8("[".repeat(1000) + "]".repeat(1000)));
    c.put("lone surrogate", utf8("{\"a\":\"\\ud800\"}"));
    c.put(
        "invalid UTF-8",
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
    c.put("5 MiB string", utf8("{\"publicTitle\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}"));
    return c;
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void everyOperationAnswersEveryBadBodyWithAProblemDocument() {
    ApiClient api = new ApiClient(base);
    String trial =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials",
                        RegistryFixtures.completeRecordJson(),
                        "sponsor",
                        "sponsor-demo-pw"))
                .get("registryId");
    List<String[]> operations = operationsWithBodies(api);
    assertTrue(
        operations.size() >= 12,
        "the document lists the operations that take a body: " + operations.size());
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (String[] op : operations) {
      String path =
          op[1]
              .replace("{registryId}", trial)
              .replace("{version}", "1")
              .replace("{pseudonym}", "P-NOSUCH")
              .replace("{username}", "sponsor")
              .replaceAll("\\{[A-Za-z]+}", "1");
      for (var body : corpus().entrySet()) {
        for (String contentType : op[2].split(",")) {
          // the large bodies once, as a caller who may use everything; the rest as every kind of
          // caller
          String[][] callers =
              body.getValue().length > 64 * 1024 ? new String[][] {CALLERS[1]} : CALLERS;
          for (String[] caller : callers) {
            // Expect: 100-continue, as clients that upload large bodies do: a server refusing the
            // body by its
            // declared length answers before it is sent, instead of closing the connection under
            // it.
            HttpRequest.Builder request =
                HttpRequest.newBuilder(api.resolve(path))
                    .header("Content-Type", contentType)
                    .expectContinue(true)
                    .method(op[0], HttpRequest.BodyPublishers.ofByteArray(body.getValue()));
            HttpResponse<String> r = send(request, caller[0], caller[1]);
            requests++;
            // The consistency check answers every text with a verdict; for these bodies it must be
            // "not consistent".
            String verdict =
                op[1].equals("/api/verify/consistency") && r.statusCode() == 200
                    ? (r.body().contains("\"consistent\":false")
                        ? null
                        : "a verdict other than not consistent: " + abbreviate(r.body()))
                    : verdict(r);
            if (verdict != null)
              failures.add(
                  op[0]
                      + " "
                      + op[1]
                      + " ["
                      + body.getKey()
                      + ", "
                      + contentType
                      + ", "
                      + caller[0]
                      + "]: "
                      + verdict);
          }
        }
      }
    }
    assertEquals(
        List.of(),
        failures,
        failures.size()
            + " of "
            + requests
            + " requests were not answered with a 4xx problem document");
  }

  /** The specific findings, each with the answer it must get. */
  @Test
  void theReportedBadInputsAreRefusedAtTheField() {
    ApiClient api = new ApiClient(base);
    assertEquals(
        400, api.postJson("/api/trials", "null", "sponsor", "sponsor-demo-pw").statusCode());
    String trial =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials",
                        RegistryFixtures.completeRecordJson(),
                        "sponsor",
                        "sponsor-demo-pw"))
                .get("registryId");
    assertEquals(
        400,
        api.putJson("/api/trials/" + trial + "/draft", "null", "sponsor", "sponsor-demo-pw")
            .statusCode());

    HttpResponse<String> bomb =
        api.postJson(
            "/api/trials", "{\"enrolment\":{\"count\":1e10000000}}", "sponsor", "sponsor-demo-pw");
    assertEquals(400, bomb.statusCode(), bomb.body());
    assertTrue(bomb.body().contains("number out of range"), bomb.body());

    HttpResponse<String> nul =
        api.postJson(
            "/api/trials",
            RegistryFixtures.completeRecordJson()
                .replace(
                    "Helixumab for moderate plaque psoriasis", "Helixumab\\u0000for psoriasis"),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(422, nul.statusCode(), nul.body());
    assertTrue(nul.body().contains("publicTitle") && nul.body().contains("U+0000"), nul.body());

    HttpResponse<String> nulReason =
        api.postJson(
            "/api/trials/" + trial + "/submit",
            "{\"reason\":\"new\\u0000version\"}",
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(422, nulReason.statusCode(), nulReason.body());
    assertTrue(nulReason.body().contains("reason"), nulReason.body());

    HttpResponse<String> wrapped =
        api.postJson(
            "/api/subjects/P-NOSUCH/results",
            "{\"visit\":\"V1\",\"observedOn\":\"2026-01-01\",\"outcomeIndex\":4294967297,\"valueType\":\"NUMBER\",\"value\":\"1\"}",
            "site1",
            "site1-demo-pw");
    assertEquals(422, wrapped.statusCode(), wrapped.body());
    assertTrue(wrapped.body().contains("outcomeIndex"), wrapped.body());

    HttpResponse<String> deep =
        api.postJson(
            "/api/trials/import/ctgov",
            "{\"protocolSection\":" + "[".repeat(1000) + "]".repeat(1000) + "}",
            "sponsor",
            "sponsor-demo-pw");
    assertTrue(
        deep.statusCode() == 400 || deep.statusCode() == 422,
        deep.statusCode() + " " + deep.body());
  }

  /**
   * HTTP/1.1 (the upgrade to HTTP/2 and 100-continue do not mix), with Basic credentials when
   * given.
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static HttpResponse<String> send(
      HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          request.build().method() + " " + request.build().uri() + " as " + user + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String verdict(HttpResponse<String> r) {
    if (r.statusCode() < 400 || r.statusCode() >= 500)
      return "status " + r.statusCode() + " " + abbreviate(r.body());
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json"))
      return "status " + r.statusCode() + " as " + type + " " + abbreviate(r.body());
    try {
      Object problem = JsonParser.parse(r.body());
      if (!(problem instanceof Map<?, ?> m)
          || !Long.valueOf(r.statusCode()).equals(m.get("status")))
        return "not a problem document: " + abbreviate(r.body());
    } catch (IllegalArgumentException e) {
      return "unreadable problem document: " + abbreviate(r.body());
    }
    return null;
  }

  /**
   * {method, path, comma-separated content types} of every operation that takes a request body (PDF
   * uploads aside).
   */
  private static List<String[]> operationsWithBodies(ApiClient api) {
    ApiClient root = new ApiClient(serverRoot(api));
    Map<?, ?> doc = (Map<?, ?>) JsonParser.parse(root.get("/openapi").body());
    List<String[]> ops = new ArrayList<>();
    for (var path : ((Map<?, ?>) doc.get("paths")).entrySet()) {
      for (var op : ((Map<?, ?>) path.getValue()).entrySet()) {
        String method = op.getKey().toString().toUpperCase(Locale.ROOT);
        if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
        Map<?, ?> requestBody = (Map<?, ?>) ((Map<?, ?>) op.getValue()).get("requestBody");
        List<String> types = new ArrayList<>();
        if (requestBody != null) {
          for (Object type : ((Map<?, ?>) requestBody.get("content")).keySet())
            if (!type.toString().equals("application/pdf")) types.add(type.toString());
          if (types.isEmpty()) continue; // PDF uploads: their own limits, tested with the documents
        } else {
          continue; // takes no body, and ignores one: nothing to refuse
        }
        ops.add(new String[] {method, path.getKey().toString(), String.join(",", types)});
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

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
