package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialledger.anchoring.bitcoin.HeaderChain;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.calendar.FakeCalendar;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.ledger.note.NoteKey;

/**
 * Verification without trusting the server: the public verify page in Chromium, a published
 * document's bundle checked by the offline verifier jar down to a Bitcoin block header (and every
 * tampering caught with the failing step named), an inspection package of 1,000 artifacts verified
 * offline, and the consistency monitor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerificationIT {
  private static final List<FakeCalendar> calendars = new ArrayList<>();
  private static final Path HEADERS = Path.of("target", "it-bitcoin-headers.txt");
  private static final Path JAR =
      Path.of(System.getProperty("war.file")).resolveSibling("trialledger-verifier.jar");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startCalendars() throws Exception {
    ItBitcoinChain.startSources();
    for (int port : new int[] {18561, 18562, 18563}) calendars.add(FakeCalendar.start(port));
  }

  @AfterAll
  static void stopCalendars() throws Exception {
    ItWitnesses.stopAll();
    calendars.forEach(FakeCalendar::close);
  }

  @Test
  void thePublicDropsAPublishedProtocolAndSeesItRegisteredAndAChangedByteIsNot() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = pdf("verification page protocol");
    publishedTrialWith(api, pdf);
    Path file = Files.createTempFile("protocol", ".pdf");
    Files.write(file, pdf);
    Path changed = Files.createTempFile("protocol-changed", ".pdf");
    byte[] altered = pdf.clone();
    altered[20] ^= 1;
    Files.write(changed, altered);

    try (Browser browser = new Browser(base.toString())) {
      browser.open("/verify.xhtml");
      browser.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
      waitForText(browser, "verdict", "Registered");
      assertEquals(
          RegistryApiIT.sha256(pdf), browser.text(By.id("fileHash")), "hashed in the browser");
      String match = browser.text(By.id("match0"));
      assertTrue(match.contains("Study protocol") && match.contains("checked: Leaf"), match);
      assertTrue(match.contains("checked against the log key"), match);

      browser.open("/verify.xhtml");
      browser.driver().findElement(By.id("fileInput")).sendKeys(changed.toString());
      waitForText(browser, "verdict", "Not registered");
      Pages.assertNoStackTrace(browser.driver().getPageSource());
    }
  }

  @Test
  void aBundleVerifiesOfflineDownToABitcoinHeaderAndEveryTamperingNamesItsStep() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = pdf("offline verification protocol");
    String leaf = publishedTrialWith(api, pdf);
    anchorAndConfirm(api);
    String bundle = api.get("/api/proofs/" + leaf).body();
    assertTrue(bundle.contains("\"ots\""), "the bundle carries the checkpoint's .ots");
    String key = (String) RegistryApiIT.json(api.get("/api/log/key")).get("vkey");
    Path dir = Files.createTempDirectory("offline");
    Path bundleFile = dir.resolve("bundle.json");
    Path pdfFile = dir.resolve("protocol.pdf");
    Files.writeString(bundleFile, bundle);
    Files.write(pdfFile, pdf);

    Result ok =
        verifier(
            "verify",
            bundleFile.toString(),
            pdfFile.toString(),
            "--key",
            key,
            "--headers",
            HEADERS.toString());
    assertEquals(0, ok.exit(), ok.out());
    assertTrue(ok.out().contains("[PASS]") && ok.out().contains("Bitcoin block"), ok.out());

    byte[] changedPdf = pdf.clone();
    changedPdf[30] ^= 1;
    Files.write(pdfFile, changedPdf);
    assertFails(
        "content",
        verifier(
            "verify",
            bundleFile.toString(),
            pdfFile.toString(),
            "--key",
            key,
            "--headers",
            HEADERS.toString()));
    Files.write(pdfFile, pdf);

    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) JsonParser.parse(bundle);
    Map<String, String> tamperings =
        Map.of(
            "inclusion",
                bundle.replace(
                    "\"leafIndex\":" + json.get("leafIndex"),
                    "\"leafIndex\":" + (((Number) json.get("leafIndex")).longValue() + 1)),
            "checkpoint signature",
                bundle.replace(
                    ((String) json.get("checkpoint")).split("\n")[2],
                    "AAAA" + ((String) json.get("checkpoint")).split("\n")[2].substring(4)),
            "timestamp",
                bundle.replace(
                    (String) ((Map<?, ?>) json.get("timestamps")).get("ots"),
                    flipBase64((String) ((Map<?, ?>) json.get("timestamps")).get("ots"))),
            "log key", bundle);
    for (Map.Entry<String, String> t : tamperings.entrySet()) {
      Files.writeString(bundleFile, t.getValue());
      // a well-formed key that is not the log's: a malformed one is unusable input (exit 2)
      String pinned =
          t.getKey().equals("log key")
              ? NoteKey.generate(key.substring(0, key.indexOf('+')), new SecureRandom())
                  .verifierKey()
              : key;
      Result r =
          verifier(
              "verify",
              bundleFile.toString(),
              pdfFile.toString(),
              "--key",
              pinned,
              "--headers",
              HEADERS.toString());
      assertFails(t.getKey(), r);
    }
  }

  @Test
  void theInspectionPackageOfATrialWith1000ArtifactsVerifiesOffline() throws Exception {
    ApiClient api = new ApiClient(base);
    String id =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials", RegistryFixtures.json(), "sponsor", "sponsor-demo-pw"))
                .get("registryId");
    for (int i = 0; i < 1000; i++) {
      HttpResponse<String> r =
          api.postBytes(
              "/api/trials/" + id + "/documents?kind=OTHER&fileName=annex-" + i + ".pdf",
              "application/pdf",
              pdf("annex " + i),
              "sponsor",
              "sponsor-demo-pw");
      assertEquals(201, r.statusCode(), r.body());
    }
    anchorAndConfirm(api);
    HttpResponse<String> started =
        api.postJson("/api/inspections?trial=" + id, "", "regulator", "regulator-demo-pw");
    assertEquals(202, started.statusCode(), started.body());
    String job = (String) RegistryApiIT.json(started).get("id");
    long deadline = System.currentTimeMillis() + 300_000;
    Map<String, Object> status;
    do {
      Thread.sleep(500);
      status =
          RegistryApiIT.json(api.get("/api/inspections/" + job, "regulator", "regulator-demo-pw"));
      assertTrue(System.currentTimeMillis() < deadline, "the package is built in time: " + status);
    } while ("RUNNING".equals(status.get("state")));
    assertEquals("DONE", status.get("state"), status.toString());
    assertEquals(1000L, ((Number) status.get("total")).longValue());
    assertEquals(
        403,
        api.get("/api/inspections/" + job, "sponsor", "sponsor-demo-pw").statusCode(),
        "for regulators only");

    HttpResponse<byte[]> zip =
        api.getBytes("/api/inspections/" + job + "/package", "regulator", "regulator-demo-pw");
    assertEquals(200, zip.statusCode());
    Path pkg = Files.createTempFile("inspection", ".zip");
    Files.write(pkg, zip.body());
    String key = (String) RegistryApiIT.json(api.get("/api/log/key")).get("vkey");
    // the package carries the headers of its anchors' blocks, from the trusted block on
    Path packagedHeaders = Files.createTempFile("bitcoin-headers", ".txt");
    try (ZipFile in = new ZipFile(pkg.toFile())) {
      Files.write(
          packagedHeaders, in.getInputStream(in.getEntry("bitcoin-headers.txt")).readAllBytes());
    }
    HeaderChain packaged =
        HeaderChain.build(
            ItBitcoinChain.CHAIN.trusted(), HeadersFile.load(packagedHeaders).headers());
    assertEquals(Map.of(), packaged.refused());
    assertFalse(packaged.accepted().isEmpty(), "the package's anchors have their headers");
    Result ok =
        verifier(
            "verify-package",
            pkg.toString(),
            "--key",
            key,
            "--headers",
            packagedHeaders.toString());
    assertEquals(0, ok.exit(), tail(ok.out()));
    assertTrue(ok.out().contains("1000 verified, 0 failed"), tail(ok.out()));

    // one annex swapped for another file inside the package: caught and named
    Path tampered = Files.createTempFile("tampered", ".zip");
    try (ZipFile in = new ZipFile(pkg.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      boolean swapped = false;
      for (ZipEntry e : Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (!swapped && e.getName().startsWith("documents/")) {
          bytes = pdf("a different annex");
          swapped = true;
        }
        out.write(bytes);
        out.closeEntry();
      }
    }
    Result bad =
        verifier(
            "verify-package", tampered.toString(), "--key", key, "--headers", HEADERS.toString());
    assertEquals(1, bad.exit(), tail(bad.out()));
    assertTrue(
        bad.out().contains("999 verified, 1 failed") && bad.out().contains("content"),
        tail(bad.out()));
  }

  @Test
  void aSavedCheckpointIsProvenExtendedAndAForgedOneIsNot() throws Exception {
    ApiClient api = new ApiClient(base);
    String saved = api.get("/api/log/checkpoint").body();
    publishedTrialWith(api, pdf("consistency"));
    HttpResponse<String> r =
        api.post(
            "/api/verify/consistency",
            HttpRequest.BodyPublishers.ofString(saved),
            "text/plain",
            null,
            null);
    Map<String, Object> verdict = RegistryApiIT.json(r);
    assertEquals(Boolean.TRUE, verdict.get("consistent"), r.body());
    assertTrue(
        ((Number) verdict.get("savedSize")).longValue()
            < ((Number) verdict.get("latestSize")).longValue(),
        r.body());
    assertFalse(((List<?>) verdict.get("proof")).isEmpty(), "the proof comes with the verdict");
    String forged = saved.replaceFirst("\n(\\d+)\n", "\n999999\n");
    Map<String, Object> refused =
        RegistryApiIT.json(
            api.post(
                "/api/verify/consistency",
                HttpRequest.BodyPublishers.ofString(forged),
                "text/plain",
                null,
                null));
    assertEquals(Boolean.FALSE, refused.get("consistent"));
    assertTrue(
        ((String) refused.get("verdict")).contains("not a checkpoint signed by this registry"),
        refused.toString());
  }

  /** A published trial with one protocol PDF; returns the PDF's leaf hash once integrated. */
  private static String publishedTrialWith(ApiClient api, byte[] pdf) throws Exception {
    String id =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials", RegistryFixtures.json(), "sponsor", "sponsor-demo-pw"))
                .get("registryId");
    HttpResponse<String> doc =
        api.postBytes(
            "/api/trials/" + id + "/documents?kind=PROTOCOL&fileName=protocol.pdf",
            "application/pdf",
            pdf,
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, doc.statusCode(), doc.body());
    assertEquals(
        201,
        api.postJson("/api/trials/" + id + "/submit", "{}", "sponsor", "sponsor-demo-pw")
            .statusCode());
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + id + "/versions/1/publish", "", "regulator", "regulator-demo-pw")
            .statusCode());
    String leaf = (String) RegistryApiIT.json(doc).get("leafHash");
    long deadline = System.currentTimeMillis() + 30_000;
    while (!api.get("/api/receipts/" + leaf).body().contains("\"leafIndex\":")) {
      assertTrue(System.currentTimeMillis() < deadline, "integrated");
      Thread.sleep(100);
    }
    return leaf;
  }

  /**
   * Stamps the newest checkpoint, has the calendars confirm in a new block, adds its header,
   * upgrades.
   */
  private static void anchorAndConfirm(ApiClient api) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (LedgerIT.count("SELECT COUNT(*) FROM ledger_queue") > 0) {
      assertTrue(System.currentTimeMillis() < deadline, "the queue drains");
      Thread.sleep(100);
    }
    // with witnesses configured (pom.xml), only a witnessed checkpoint is stamped
    ItWitnesses.startAll();
    ItWitnesses.awaitAllWitnessed(api);
    HttpResponse<String> stamped =
        api.postJson("/api/anchors/stamp?force=true", "", "admin", "admin-demo-pw");
    assertTrue(stamped.body().contains("\"stamped\":true"), stamped.body());
    // the calendars confirm in the next blocks, which the server's header sources serve; the
    // offline verifier gets the chain as a headers file and trusts only its first block
    ItBitcoinChain.confirm(calendars);
    ItBitcoinChain.writeHeaders(HEADERS);
    assertEquals(
        200, api.postJson("/api/anchors/upgrade", "", "admin", "admin-demo-pw").statusCode());
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% "
            + text
            + "\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String flipBase64(String b64) {
    byte[] bytes = Base64.getDecoder().decode(b64);
    bytes[40] ^= 0x01; // inside the stamped digest: the proof is then for another checkpoint
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void assertFails(String step, Result r) {
    assertEquals(1, r.exit(), step + ":\n" + r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("[FAIL]") && l.contains(step)),
        step + ":\n" + r.out());
  }

  private static void waitForText(Browser browser, String id, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  private static String tail(String out) {
    return out.length() < 3000 ? out : out.substring(out.length() - 3000);
  }

  private record Result(int exit, String out) {}

  private static Result verifier(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtrialledger.chain=test",
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    if (List.of(args).contains("--headers"))
      command.addAll(List.of("--checkpoint", ItBitcoinChain.checkpoint()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }

  /** The complete demo registration, as request JSON. */
  private static final class RegistryFixtures {
    static String json() {
      return org.trialledger.registry.domain.RegistryFixtures.completeRecordJson();
    }
  }
}
