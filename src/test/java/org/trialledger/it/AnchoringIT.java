package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.anchoring.bitcoin.HeaderChain;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.NetworkParameters;
import org.trialledger.anchoring.calendar.FakeCalendar;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.anchoring.tsa.LocalTsa;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

/**
 * Anchoring through the real HTTP path: the server stamps its newest checkpoint at three fake
 * calendars on loopback (the real OpenTimestamps protocol), upgrades when they confirm, and checks
 * the attestation against headers that fake Bitcoin Core and Esplora sources agree on (one of them
 * lying, refused and named on the page); calendar faults leave proofs pending and visible, never
 * corrupt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnchoringIT {
  private static final List<FakeCalendar> calendars = new ArrayList<>();
  private static LocalTsa tsa;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startCalendars() throws Exception {
    ItBitcoinChain.startSources();
    for (int port : new int[] {18561, 18562, 18563}) calendars.add(FakeCalendar.start(port));
    tsa = LocalTsa.startOnPort(18564);
  }

  @AfterAll
  static void stopCalendars() throws Exception {
    ItWitnesses.stopAll();
    calendars.forEach(FakeCalendar::close);
    tsa.close();
  }

  @Test
  @Order(1)
  void aCheckpointIsStampedUpgradedAndConfirmedInBitcoin() throws Exception {
    ApiClient api = new ApiClient(base);
    waitForNonEmptyLog(api);
    // with witnesses configured (pom.xml), only a witnessed checkpoint is stamped
    ItWitnesses.startAll();
    ItWitnesses.awaitAllWitnessed(api);
    Map<String, Object> stamped = admin(api, "/api/anchors/stamp");
    assertEquals(Boolean.TRUE, stamped.get("stamped"), stamped.toString());
    long id = ((Number) stamped.get("anchorId")).longValue();
    Map<String, Object> anchor = anchor(api, id);
    assertEquals("PENDING", anchor.get("status"));
    assertEquals(
        3, calendarStates(anchor).stream().filter("PENDING"::equals).count(), anchor.toString());
    assertEquals(
        Boolean.FALSE,
        admin(api, "/api/anchors/stamp").get("stamped"),
        "the log has not grown: no second stamp");

    admin(api, "/api/anchors/upgrade");
    assertEquals("PENDING", anchor(api, id).get("status"), "the calendars have not confirmed yet");

    // the calendars put their commitments in blocks; the header sources serve them
    List<Long> heights = ItBitcoinChain.confirm(calendars);
    admin(api, "/api/anchors/upgrade");
    anchor = anchor(api, id);
    assertEquals("CONFIRMED", anchor.get("status"), anchor.toString());
    assertEquals(
        heights.get(0),
        ((Number) anchor.get("bitcoinHeight")).longValue(),
        "the earliest block dates the checkpoint");
    assertEquals(
        3, calendarStates(anchor).stream().filter("CONFIRMED"::equals).count(), anchor.toString());

    // the .ots verifies offline against the checkpoint note with our codec, independently of the
    // server, through headers validated from the same checkpoint
    HttpResponse<byte[]> ots = api.getBytes("/api/anchors/" + id + "/ots");
    assertEquals(200, ots.statusCode());
    long treeSize = ((Number) anchor.get("treeSize")).longValue();
    byte[] note =
        api.get("/api/log/checkpoint/" + treeSize).body().getBytes(StandardCharsets.UTF_8);
    DetachedTimestampFile proof = DetachedTimestampFile.parse(ots.body());
    HeaderChain chain =
        HeaderChain.build(ItBitcoinChain.CHAIN.trusted(), ItBitcoinChain.CHAIN.headers());
    VerificationReport report =
        new TimestampVerifier(chain, NetworkParameters.TEST.powLimit())
            .verify(proof, MessageDigest.getInstance("SHA-256").digest(note));
    assertTrue(report.digestMatches());
    assertTrue(report.isConfirmed(), report.toString());
    assertEquals(heights.get(0), report.earliestBitcoin().orElseThrow().height());

    // the second anchor: an RFC 3161 token for the same digest, which openssl accepts with the
    // TSA's CA
    assertEquals(Boolean.TRUE, anchor.get("hasTsaToken"), anchor.toString());
    HttpResponse<byte[]> token = api.getBytes("/api/anchors/" + id + "/tsr");
    assertEquals(200, token.statusCode());
    assertOpensslAccepts(token.body(), MessageDigest.getInstance("SHA-256").digest(note));

    String page = api.get("/anchoring.xhtml").body();
    assertTrue(
        page.contains("Anchoring in Bitcoin") && page.contains("block " + heights.get(0)),
        "the page shows the confirmation");
    // which sources confirmed it, and the lying source named with what it did
    assertTrue(
        page.contains("confirmed by " + ItBitcoinChain.CORE + ", " + ItBitcoinChain.ESPLORA), page);
    String refusals = page.substring(page.indexOf("headerRefusals"));
    assertTrue(
        refusals.contains(ItBitcoinChain.LIAR) && refusals.contains("does not link"), refusals);
    for (String confirmedBy : page.split("confirmed by ")) {
      String sources = confirmedBy.substring(0, Math.max(0, confirmedBy.indexOf('<')));
      assertFalse(sources.contains(ItBitcoinChain.LIAR), "the liar confirmed nothing: " + sources);
    }
    Pages.assertNoStackTrace(page);

    // the validated chain, served as a headers file that the offline verifier re-validates
    HttpResponse<String> served =
        api.get("/api/bitcoin/headers?from=" + ItBitcoinChain.START + "&to=" + heights.get(2));
    assertEquals(200, served.statusCode());
    HeaderChain fromServer =
        HeaderChain.build(
            ItBitcoinChain.CHAIN.trusted(),
            HeadersFile.parse(served.body().lines().toList()).headers());
    assertEquals(Map.of(), fromServer.refused());
    assertEquals(ItBitcoinChain.CHAIN.at(heights.get(2)), fromServer.header(heights.get(2)).get());
    for (String bad :
        List.of("from=5&to=4", "from=-1&to=3", "from=0&to=2016", "from=x&to=1", "to=3")) {
      HttpResponse<String> r = api.get("/api/bitcoin/headers?" + bad);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("problem+json"), bad);
    }
  }

  /**
   * The regulator's walk-through end to end: the bundle from the API, the key pinned once, and one
   * block hash from a source the regulator trusts (here the synthetic chain itself, as a node would
   * answer {@code getblockhash}); no headers file from anyone. The packaged verifier jar, run as a
   * user would, confirms the block from the headers the bundle carries.
   */
  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void theBundleAloneWithAPinnedKeyAndOneCheckpointVerifiesTheAnchor(@TempDir Path dir)
      throws Exception {
    ApiClient api = new ApiClient(base);
    List<?> entries = (List<?>) JsonParser.parse(api.get("/api/log/entries?start=0&max=1").body());
    String leaf = (String) ((Map<?, ?>) entries.get(0)).get("leafHash");
    HttpResponse<String> bundle = api.get("/api/proofs/" + leaf);
    assertEquals(200, bundle.statusCode(), bundle.body());
    assertTrue(bundle.body().contains("\"bitcoinHeaders\":[{\"from\":"), bundle.body());
    String vkey =
        (String) ((Map<?, ?>) JsonParser.parse(api.get("/api/log/key").body())).get("vkey");
    Path file = Files.writeString(dir.resolve("bundle.json"), bundle.body());
    String[] args = {
      "verify",
      file.toString(),
      "--key",
      vkey,
      "--checkpoint",
      ItBitcoinChain.checkpoint(),
      "--require-anchor"
    };
    VerifierRun verified = VerifierRun.of(args);
    System.out.println(verified.transcript());
    assertEquals(0, verified.code(), verified.transcript());
    assertTrue(verified.out().contains("existed by Bitcoin block"), verified.out());
    assertTrue(verified.out().contains("(headers from the bundle)"), verified.out());

    // a header of the bundle's run altered: exit 1, saying so
    Map<String, Object> m = mutable(bundle.body());
    Map<String, Object> ts = (Map<String, Object>) m.get("timestamps");
    Map<String, Object> run =
        (Map<String, Object>) ((List<Object>) ts.get("bitcoinHeaders")).get(0);
    String headers = (String) run.get("headers");
    assertTrue(headers.length() >= 2 * 160, "the run holds the period's start and the block");
    char c = headers.charAt(136); // the first header's time
    run.put("headers", headers.substring(0, 136) + (c == '0' ? '1' : '0') + headers.substring(137));
    Files.writeString(file, CanonicalJson.write(m));
    VerifierRun altered = VerifierRun.of(args);
    System.out.println(altered.transcript());
    assertEquals(1, altered.code(), altered.transcript());
    assertTrue(altered.out().contains("the bundle's Bitcoin headers were altered"), altered.out());

    // the member duplicated, or an unknown one beside it: unusable, named
    String text = bundle.body();
    Files.writeString(
        file, text.replace("\"bitcoinHeaders\":", "\"bitcoinHeaders\":[],\"bitcoinHeaders\":"));
    VerifierRun duplicated = VerifierRun.of(args);
    System.out.println(duplicated.transcript());
    assertEquals(2, duplicated.code(), duplicated.transcript());
    assertTrue(duplicated.out().contains("duplicate key \"bitcoinHeaders\""), duplicated.out());
    Files.writeString(file, text.replace("\"bitcoinHeaders\":", "\"bitcoinHeaderz\":"));
    VerifierRun unknown = VerifierRun.of(args);
    assertEquals(2, unknown.code(), unknown.transcript());
    assertTrue(
        unknown.out().contains("unknown member bundle.timestamps.bitcoinHeaderz"), unknown.out());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mutable(String json) {
    return (Map<String, Object>) JsonParser.parse(json);
  }

  /** The packaged verifier in its own JVM, on the test network, as a user runs it. */
  record VerifierRun(String command, int code, String out) {
    static VerifierRun of(String... args) throws Exception {
      Path jar = Path.of(System.getProperty("war.file")).resolveSibling("trialledger-verifier.jar");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Dtrialledger.chain=test",
                  "-jar",
                  jar.toString()));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      return new VerifierRun(String.join(" ", cmd), p.exitValue(), out);
    }

    String transcript() {
      return "$ " + command + "\n" + out + "exit " + code + "\n";
    }
  }

  @Test
  @Order(3)
  void calendarFaultsLeaveProofsPendingAndVisible() throws Exception {
    ApiClient api = new ApiClient(base);
    // one of three down: still stamped (2 of 3 are enough), the failure recorded per calendar
    calendars.get(0).mode = FakeCalendar.Mode.ERROR_500;
    ItWitnesses.startAll();
    ItWitnesses.awaitAllWitnessed(api);
    Map<String, Object> stamped = admin(api, "/api/anchors/stamp?force=true");
    assertEquals(Boolean.TRUE, stamped.get("stamped"), stamped.toString());
    long id = ((Number) stamped.get("anchorId")).longValue();
    Map<String, Object> anchor = anchor(api, id);
    assertEquals(
        List.of("FAILED", "PENDING", "PENDING"), calendarStates(anchor), anchor.toString());

    // a 200 with garbage on upgrade: the proof stays exactly as it was
    byte[] before = api.getBytes("/api/anchors/" + id + "/ots").body();
    calendars.get(1).mode = FakeCalendar.Mode.GARBAGE;
    admin(api, "/api/anchors/upgrade");
    assertEquals("PENDING", anchor(api, id).get("status"));
    assertEquals(
        HexFormat.of().formatHex(before),
        HexFormat.of().formatHex(api.getBytes("/api/anchors/" + id + "/ots").body()));
    DetachedTimestampFile.parse(before);

    // two of three down: fewer than the two needed, nothing stored, the attempt shows why
    int anchorsBefore = anchors(api).size();
    Map<String, Object> refused = admin(api, "/api/anchors/stamp?force=true");
    assertEquals(Boolean.FALSE, refused.get("stamped"));
    assertTrue(
        ((String) refused.get("message")).contains("Only 1 of 3 calendars answered"),
        refused.toString());
    assertEquals(anchorsBefore, anchors(api).size());

    // all down, one of them by timing out: nothing stored, the error shown
    calendars.get(2).delayMillis =
        10_000; // longer than the server waits (2 s to connect, 4 s per request)
    calendars.get(2).mode = FakeCalendar.Mode.SLOW;
    Map<String, Object> none = admin(api, "/api/anchors/stamp?force=true");
    assertEquals(Boolean.FALSE, none.get("stamped"));
    assertTrue(((String) none.get("message")).startsWith("No calendar answered"), none.toString());
    assertEquals(anchorsBefore, anchors(api).size());
    String attempts = api.get("/api/anchors/attempts").body();
    assertTrue(
        attempts.contains("No calendar answered") && attempts.contains("Only 1 of 3"), attempts);
    // public: what went wrong as a status, never the stored exception text
    String anchorsJson = api.get("/api/anchors").body();
    for (String publicText : List.of(attempts, anchorsJson))
      assertFalse(publicText.contains("Exception") || publicText.contains("java."), publicText);
    for (FakeCalendar c : calendars) c.mode = FakeCalendar.Mode.NORMAL;
  }

  private static void assertOpensslAccepts(byte[] token, byte[] digest) throws Exception {
    Path openssl = Path.of("/usr/bin/openssl");
    Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
    Path dir = Files.createTempDirectory("tsr");
    Files.write(dir.resolve("token.der"), token);
    Files.writeString(dir.resolve("ca.pem"), LocalTsa.pem(tsa.caCertificate));
    Files.writeString(dir.resolve("tsa.pem"), LocalTsa.pem(tsa.tsaCertificate));
    Process p =
        new ProcessBuilder(
                openssl.toString(),
                "ts",
                "-verify",
                "-token_in",
                "-in",
                dir.resolve("token.der").toString(),
                "-digest",
                HexFormat.of().formatHex(digest),
                "-CAfile",
                dir.resolve("ca.pem").toString(),
                "-untrusted",
                dir.resolve("tsa.pem").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Verification: OK"), out);
  }

  private static void waitForNonEmptyLog(ApiClient api) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (api.get("/api/log/checkpoint")
        .body()
        .lines()
        .skip(1)
        .findFirst()
        .orElse("0")
        .equals("0")) {
      assertTrue(
          System.currentTimeMillis() < deadline, "the demo data's audit records reach the log");
      Thread.sleep(100);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> admin(ApiClient api, String path) {
    HttpResponse<String> r = api.postJson(path, "", "admin", "admin-demo-pw");
    assertEquals(200, r.statusCode(), r.body());
    return (Map<String, Object>) JsonParser.parse(r.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> anchor(ApiClient api, long id) {
    return (Map<String, Object>) JsonParser.parse(api.get("/api/anchors/" + id).body());
  }

  private static List<?> anchors(ApiClient api) {
    return (List<?>) JsonParser.parse(api.get("/api/anchors").body());
  }

  private static List<String> calendarStates(Map<String, Object> anchor) {
    return ((List<?>) anchor.get("calendars"))
        .stream().map(c -> (String) ((Map<?, ?>) c).get("state")).toList();
  }
}
