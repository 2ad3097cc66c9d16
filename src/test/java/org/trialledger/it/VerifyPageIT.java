package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.Vectors;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Issue 15 finding 5: /verify.xhtml checks in the browser, not by displaying the server's verdict.
 * The browser's verdict is right for a good proof, names the step for every kind of tampering with
 * what the page received (the answers are altered inside the page before its checks run, as a lying
 * server or a man in the middle would), and refuses a checkpoint not signed by the pinned key. The
 * page's JavaScript is run against the same public vectors as the Java core.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerifyPageIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  /**
   * The page on loopback: WebCrypto exists only in a secure context (HTTPS, or localhost as here),
   * as the page would be served in production. {@link #base} is a plain-HTTP address elsewhere.
   */
  private String secure() throws Exception {
    return new URL("http", "127.0.0.1", base.getPort(), base.getFile()).toString();
  }

  @Test
  void theBrowserVerifiesARegisteredFileAgainstThePinnedKeyAndKeepsThePin() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = VerificationIT.pdf("browser verification " + System.nanoTime());
    documentInTheLog(api, pdf);
    Map<String, Object> key = RegistryApiIT.json(api.get("/api/log/key"));
    Path file = Files.createTempFile("protocol", ".pdf");
    Files.write(file, pdf);

    try (Browser browser = new Browser(secure())) {
      browser.open("/verify.xhtml");
      assertTrue(browser.text(By.id("pinnedKey")).contains("No key is pinned"));
      pin(browser, (String) key.get("vkey"));
      assertEquals(key.get("keyId"), browser.text(By.id("pinnedKeyId")), "shown with its key id");
      assertEquals(key.get("origin"), browser.text(By.id("pinnedName")));

      browser.open("/verify.xhtml"); // kept in the browser's local storage
      assertEquals(key.get("keyId"), browser.text(By.id("pinnedKeyId")));
      browser.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
      String verdict = waitForVerdict(browser, "browserVerdict0");
      assertTrue(verdict.startsWith("Verified in your browser"), verdict);
      assertTrue(verdict.contains("the key you pinned in this browser"), verdict);
      for (String step : List.of("step-leaf0", "step-signature0", "step-inclusion0"))
        assertEquals("pass", outcome(browser, step), step);
      assertTrue(
          browser.text(By.id("step-inclusion0")).contains("Taken from the server"),
          "each step says what it took from the server");
      assertNoCspViolation(browser);

      browser.driver().findElement(By.id("clearKey")).click();
      assertTrue(browser.text(By.id("pinnedKey")).contains("No key is pinned"));
      browser.open("/verify.xhtml");
      assertTrue(browser.text(By.id("pinnedKey")).contains("No key is pinned"), "forgotten");
      // the page names the code that checks, and the link serves it
      browser
          .driver()
          .get(
              browser.driver().findElement(By.cssSelector("#scriptCaveat a")).getAttribute("href"));
      assertTrue(browser.driver().getPageSource().contains("TrialLedgerProofs"));
    }
  }

  @Test
  void withoutAPinTheVerdictSaysTheServersOwnKeyWasUsed() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = VerificationIT.pdf("unpinned " + System.nanoTime());
    documentInTheLog(api, pdf);
    try (Browser browser = new Browser(secure())) {
      browser.open("/verify.xhtml");
      ask(browser, RegistryApiIT.sha256(pdf));
      String verdict = waitForVerdict(browser, "browserVerdict0");
      assertTrue(verdict.startsWith("Verified in your browser"), verdict);
      assertTrue(verdict.contains("the key this server publishes at /api/log/key"), verdict);
      assertTrue(verdict.contains("not a key you pinned"), verdict);
    }
  }

  /** Served over plain HTTP to another host the browser has no WebCrypto: the page says so. */
  @Test
  void onPlainHttpElsewhereThePageSaysItCheckedNothing() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = VerificationIT.pdf("insecure context " + System.nanoTime());
    documentInTheLog(api, pdf);
    try (Browser browser = new Browser(base.toString())) {
      browser.open("/verify.xhtml");
      ask(browser, RegistryApiIT.sha256(pdf));
      String verdict = waitForVerdict(browser, "browserVerdict0");
      assertTrue(verdict.startsWith("Not checked in your browser"), verdict);
      assertTrue(verdict.contains("no WebCrypto"), verdict);
    }
  }

  /**
   * Each answer the page receives is altered inside the page (its {@code fetch} wrapped through the
   * WebDriver, which no page script can do) before the browser checks it.
   */
  @Test
  void everyTamperedAnswerFailsTheStepItFeeds() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = VerificationIT.pdf("tampered " + System.nanoTime());
    documentInTheLog(api, pdf);
    String another = documentInTheLog(api, VerificationIT.pdf("another " + System.nanoTime()));
    String vkey = (String) RegistryApiIT.json(api.get("/api/log/key")).get("vkey");
    record Tamper(String step, String url, String js) {}
    List<Tamper> tamperings =
        List.of(
            // the entry's bytes: one bit of its timestamp
            new Tamper(
                "entry and leaf",
                "/api/receipts/",
                "var j = JSON.parse(b); var h = j.entryHex; var c = h.charAt(h.length - 1);"
                    + " j.entryHex = h.slice(0, -1) + (c === '0' ? '1' : '0'); return JSON.stringify(j);"),
            // another genuine entry in the log instead of the one asked for
            new Tamper(
                "entry and leaf",
                "/api/verify",
                "var j = JSON.parse(b); j.matches[0].leafHash = '"
                    + another
                    + "'; return JSON.stringify(j);"),
            // the checkpoint: another root under the same signature
            new Tamper(
                "checkpoint signature",
                "/api/verify",
                "var j = JSON.parse(b); var l = j.checkpoint.split('\\n');"
                    + " l[2] = (l[2].charAt(0) === 'A' ? 'B' : 'A') + l[2].slice(1);"
                    + " j.checkpoint = l.join('\\n'); return JSON.stringify(j);"),
            // the proof: one hash changed
            new Tamper(
                "inclusion proof",
                "/api/log/proof/inclusion",
                "var j = JSON.parse(b); var h = j.hashes[0]; j.hashes[0] = (h.charAt(0) === 'a' ? 'b' : 'a')"
                    + " + h.slice(1); return JSON.stringify(j);"),
            // the leaf's position: another index, so the proof is for another leaf
            new Tamper(
                "inclusion proof",
                "/api/verify",
                "var j = JSON.parse(b); j.matches[0].leafIndex = j.matches[0].leafIndex === 0 ? 1"
                    + " : j.matches[0].leafIndex - 1; return JSON.stringify(j);"));
    try (Browser browser = new Browser(secure())) {
      browser.open("/verify.xhtml");
      pin(browser, vkey);
      for (Tamper t : tamperings) {
        browser.open("/verify.xhtml");
        tamperWith(browser, t.url(), t.js());
        ask(browser, RegistryApiIT.sha256(pdf));
        String verdict = waitForVerdict(browser, "browserVerdict0");
        assertTrue(
            verdict.startsWith("NOT verified in your browser: the " + t.step() + " check failed"),
            t + " → " + verdict);
        assertTrue(
            browser.text(By.id("match0")).contains("checked against the log key"),
            "the server's own check still says all is well: the browser did not take its word");
      }
    }
  }

  @Test
  void aCheckpointNotSignedByThePinnedKeyFails() throws Exception {
    ApiClient api = new ApiClient(base);
    byte[] pdf = VerificationIT.pdf("other key " + System.nanoTime());
    documentInTheLog(api, pdf);
    Map<String, Object> key = RegistryApiIT.json(api.get("/api/log/key"));
    // the same log name, another key: what a server that swapped its key would sign with
    NoteKey other = NoteKey.generate((String) key.get("origin"), new SecureRandom());
    String saved = api.get("/api/log/checkpoint").body();
    try (Browser browser = new Browser(secure())) {
      browser.open("/verify.xhtml");
      pin(browser, other.verifierKey());
      assertEquals(other.keyIdHex(), browser.text(By.id("pinnedKeyId")));
      ask(browser, RegistryApiIT.sha256(pdf));
      String verdict = waitForVerdict(browser, "browserVerdict0");
      assertTrue(
          verdict.startsWith("NOT verified in your browser: the checkpoint signature check failed"),
          verdict);
      assertTrue(verdict.contains("no signature by " + key.get("origin") + "+" + other.keyIdHex()));
      assertEquals(
          "skip", outcome(browser, "step-inclusion0"), "no proof against an unsigned root");

      checkConsistency(browser, saved);
      String consistency = waitForVerdict(browser, "consistencyVerdict");
      assertTrue(
          consistency.startsWith(
              "NOT verified in your browser: the saved checkpoint signature check failed"),
          consistency);
    }
  }

  @Test
  void aSavedCheckpointIsProvenExtendedInTheBrowserAndTamperingIsNamed() throws Exception {
    ApiClient api = new ApiClient(base);
    String vkey = (String) RegistryApiIT.json(api.get("/api/log/key")).get("vkey");
    documentInTheLog(api, VerificationIT.pdf("before " + System.nanoTime()));
    String saved = api.get("/api/log/checkpoint").body();
    documentInTheLog(api, VerificationIT.pdf("after " + System.nanoTime()));
    try (Browser browser = new Browser(secure())) {
      browser.open("/verify.xhtml");
      pin(browser, vkey);
      checkConsistency(browser, saved);
      String verdict = waitForVerdict(browser, "consistencyVerdict");
      assertTrue(verdict.startsWith("Consistent, checked in your browser"), verdict);
      for (String step : List.of("step-saved", "step-latest", "step-consistency"))
        assertEquals("pass", outcome(browser, step), step);

      Map<String, String[]> tamperings =
          Map.of(
              "consistency proof",
              new String[] {
                "/api/log/proof/consistency",
                "var j = JSON.parse(b); var h = j.hashes[j.hashes.length - 1];"
                    + " j.hashes[j.hashes.length - 1] = (h.charAt(0) === 'a' ? 'b' : 'a') + h.slice(1);"
                    + " return JSON.stringify(j);"
              },
              "latest checkpoint signature",
              new String[] {
                "/api/log/checkpoint",
                "var l = b.split('\\n'); l[1] = String(Number(l[1]) + 1); return l.join('\\n');"
              });
      for (Map.Entry<String, String[]> t : tamperings.entrySet()) {
        browser.open("/verify.xhtml");
        tamperWith(browser, t.getValue()[0], t.getValue()[1]);
        checkConsistency(browser, saved);
        String failed = waitForVerdict(browser, "consistencyVerdict");
        assertTrue(
            failed.startsWith("NOT verified in your browser: the " + t.getKey() + " check failed"),
            t.getKey() + " → " + failed);
      }

      browser.open("/verify.xhtml");
      checkConsistency(browser, saved.replaceFirst("\n(\\d+)\n", "\n999999\n"));
      String forged = waitForVerdict(browser, "consistencyVerdict");
      assertTrue(
          forged.startsWith(
              "NOT verified in your browser: the saved checkpoint signature check failed"),
          forged);
    }
  }

  /**
   * The page's own logproofs.js, as served, against every Merkle and signed-note vector the Java
   * core is tested with (MerkleVectorsTest, SignedNoteTest), and a checkpoint the Java core signed.
   */
  @Test
  void theServedScriptPassesTheJavaCoresVectors() throws Exception {
    JsonArrayBuilder cases = Json.createArrayBuilder();
    Set<String> stricter =
        Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");
    Path dev = Vectors.dir("merkle/transparency-dev");
    int count = 0;
    for (String kind : List.of("inclusion", "consistency")) {
      for (Path f : Vectors.jsonFilesUnder("merkle/transparency-dev/" + kind)) {
        JsonObject c = Vectors.json(f);
        String name = dev.relativize(f).toString();
        JsonObjectBuilder b =
            Json.createObjectBuilder()
                .add("name", name)
                .add("kind", kind)
                .add("wantErr", c.getBoolean("wantErr") || stricter.contains(name))
                .add("proof", c.get("proof") == null ? JsonValue.NULL : c.get("proof"));
        if (kind.equals("inclusion")) {
          b.add("index", number(c, "leafIdx"))
              .add("size", number(c, "treeSize"))
              .add("leaf", c.getString("leafHash"))
              .add("root", c.getString("root"));
        } else {
          b.add("size1", number(c, "size1"))
              .add("size2", number(c, "size2"))
              .add("root1", c.getString("root1"))
              .add("root2", c.getString("root2"));
        }
        cases.add(b);
        count++;
      }
    }
    assertTrue(count >= 196, "all transparency-dev cases: " + count);
    JsonObject rfc = Vectors.json(Vectors.dir("merkle/rfc6962-8-entries.json"));
    JsonObject note = Vectors.json(Vectors.dir("signed-note/peterneumann.json"));
    NoteKey javaKey = NoteKey.signer("example.org/log", new byte[32]);
    Checkpoint javaCheckpoint =
        new Checkpoint("example.org/log", 42, Hash.sha256("root".getBytes()));
    NoteKey stranger = NoteKey.generate("PeterNeumann", new SecureRandom(new byte[] {1}));
    JsonObject input =
        Json.createObjectBuilder()
            .add("cases", cases)
            .add("rfc", rfc)
            .add("note", note)
            .add("stranger", stranger.verifier().verifierKey())
            .add("javaKey", javaKey.verifier().verifierKey())
            .add("javaNote", javaCheckpoint.sign(javaKey))
            .add("javaRoot", javaCheckpoint.root().hex())
            .build();

    try (Browser browser = new Browser(secure())) {
      browser.open("/verify.xhtml");
      browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
      Object out =
          ((JavascriptExecutor) browser.driver())
              .executeAsyncScript(VECTOR_HARNESS, input.toString());
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) out;
      List<String> wrong = new ArrayList<>();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> merkle = (List<Map<String, Object>>) result.get("merkle");
      for (Map<String, Object> r : merkle) {
        boolean rejected = r.get("error") != null;
        if (rejected != (Boolean) r.get("wantErr"))
          wrong.add(r.get("name") + (rejected ? " rejected: " + r.get("error") : " accepted"));
      }
      assertEquals(count, merkle.size(), "every case ran in the browser");
      @SuppressWarnings("unchecked")
      List<String> other = (List<String>) result.get("failures");
      wrong.addAll(other);
      assertEquals(List.of(), wrong);
      assertEquals(
          ((Number) result.get("noteLength")).longValue(),
          ((Number) result.get("noteRejected")).longValue(),
          "every one-character change of the known note is rejected");
      long rfcCases =
          rfc.getJsonArray("inclusion").size()
              + rfc.getJsonArray("consistency").stream()
                  .filter(c -> c.asJsonObject().getInt("old") > 0)
                  .count();
      assertEquals(rfcCases, ((Number) result.get("rfcChecks")).longValue(), "RFC 6962 proofs");
    }
  }

  /**
   * Runs in the page with TrialLedgerProofs loaded; reports each Merkle case and every other
   * failure.
   */
  private static final String VECTOR_HARNESS =
      """
      const done = arguments[arguments.length - 1];
      const input = JSON.parse(arguments[0]);
      const P = window.TrialLedgerProofs;
      const b64 = s => P.fromBase64(s, 'vector hash');
      const hashes = p => (p || []).map(b64);
      (async () => {
        const merkle = [], failures = [];
        for (const c of input.cases) {
          let error = null;
          try {
            if (c.kind === 'inclusion')
              await P.verifyInclusion(c.index, c.size, b64(c.leaf), hashes(c.proof), b64(c.root));
            else
              await P.verifyConsistency(c.size1, c.size2, b64(c.root1), b64(c.root2), hashes(c.proof));
          } catch (e) { error = e.message || String(e); }
          merkle.push({ name: c.name, wantErr: c.wantErr, error });
        }
        // RFC 6962: leaves hashed here, every inclusion path and consistency proof against the roots.
        const rfc = input.rfc, leaves = [];
        let rfcChecks = 0;
        for (const e of rfc.entries) leaves.push(await P.leafHash(P.fromHex(e)));
        const root = n => P.fromHex(rfc.roots[String(n)]);
        if (P.hex(await P.sha256(new Uint8Array(0))) !== rfc.roots['0']) failures.push('empty root');
        for (const c of rfc.inclusion) {
          try { await P.verifyInclusion(c.index, c.size, leaves[c.index], c.path.map(h => P.fromHex(h)), root(c.size)); rfcChecks++; }
          catch (e) { failures.push('rfc6962 path ' + c.index + '/' + c.size + ': ' + e.message); }
        }
        for (const c of rfc.consistency) {
          if (c.old === 0) continue;
          try { await P.verifyConsistency(c.old, c.new, root(c.old), root(c.new), c.proof.map(h => P.fromHex(h))); rfcChecks++; }
          catch (e) { failures.push('rfc6962 proof ' + c.old + '→' + c.new + ': ' + e.message); }
        }
        // The signed-note known answer, and everything SignedNoteTest rejects.
        const v = input.note;
        const key = await P.parseVerifierKey(v.verifier_key);
        if (key.keyId !== 'c74f20a3') failures.push('key id ' + key.keyId);
        if (await P.openNote(v.note, key) !== v.text) failures.push('the known note does not open to its text');
        let noteRejected = 0;
        for (let i = 0; i < v.note.length; i++) {
          const other = v.note[i] === 'x' ? 'y' : 'x';
          try { await P.openNote(v.note.slice(0, i) + other + v.note.slice(i + 1), key); failures.push('accepted a change at ' + i); }
          catch (e) { if (e instanceof P.CheckError) noteRejected++; else failures.push('change at ' + i + ': ' + e); }
        }
        const rejects = async (what, f) => {
          try { await f(); failures.push('accepted ' + what); }
          catch (e) { if (!(e instanceof P.CheckError)) failures.push(what + ': ' + e); }
        };
        await rejects('trailing garbage', () => P.openNote(v.note + 'garbage', key));
        await rejects('a trailing garbage line', () => P.openNote(v.note + 'garbage\\n', key));
        await rejects('a stranger key', async () => P.openNote(v.note, await P.parseVerifierKey(input.stranger)));
        await rejects('a note without signature', () => P.openNote(v.text, key));
        await rejects('a key whose id does not match', () => P.parseVerifierKey(v.verifier_key.replace('c74f20a3', 'c74f20a4')));
        await rejects('a size with a leading zero', async () => P.parseCheckpoint('example.org/log\\n042\\n' + btoa('x'.repeat(32)) + '\\n'));
        await rejects('a short root', async () => P.parseCheckpoint('example.org/log\\n42\\nAAAA\\n'));
        try { P.parseCheckpoint('o\\n0\\n' + btoa('x'.repeat(32)) + '\\nextension line\\n'); }
        catch (e) { failures.push('an extension line: ' + e.message); }
        // A checkpoint signed by the Java core opens here.
        const cp = await P.openCheckpoint(input.javaNote, await P.parseVerifierKey(input.javaKey));
        if (cp.origin !== 'example.org/log' || cp.size !== 42n || P.hex(cp.root) !== input.javaRoot)
          failures.push('the Java checkpoint opened as ' + cp.origin + ' ' + cp.size + ' ' + P.hex(cp.root));
        done({ merkle, failures, noteLength: v.note.length, noteRejected, rfcChecks });
      })().catch(e => done({ merkle: [], failures: ['the harness failed: ' + e], noteLength: 0, noteRejected: 0, rfcChecks: 0 }));
      """;

  /** A number of a vector as text: some exceed 2^63, which the page's BigInt takes whole. */
  private static String number(JsonObject c, String name) {
    return ((JsonNumber) c.get(name)).bigIntegerValue().toString();
  }

  /**
   * Wraps the page's fetch so that answers from {@code url} (a prefix if it ends in '/') pass
   * through {@code js}, a function body of the answer's text {@code b}. Written into the script,
   * not evaluated by the page: its CSP allows no eval.
   */
  private static void tamperWith(Browser browser, String url, String js) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "const url = arguments[0]; const tamper = function (b) { "
                + js
                + " };"
                + " const original = window.fetch;"
                + " window.fetch = (resource, options) => original(resource, options).then(r => {"
                + "  const u = String(resource).split('?')[0];"
                + "  if (!(url.endsWith('/') ? u.includes(url) : u.endsWith(url))) return r;"
                + "  return r.text().then(b => new Response(tamper(b), { status: r.status, headers: r.headers }));"
                + " });",
            url);
  }

  private static void pin(Browser browser, String vkey) {
    browser.driver().findElement(By.id("pinInput")).sendKeys(vkey);
    browser.driver().findElement(By.id("pinKey")).click();
    new WebDriverWait(browser.driver(), WAIT)
        .until(d -> d.findElement(By.id("pinMessage")).getText().startsWith("Pinned"));
  }

  private static void ask(Browser browser, String hash) {
    browser.driver().findElement(By.id("hashInput")).sendKeys(hash);
    browser.driver().findElement(By.id("checkHash")).click();
  }

  private static void checkConsistency(Browser browser, String note) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('savedCheckpoint').value = arguments[0];", note);
    browser.driver().findElement(By.id("checkConsistency")).click();
  }

  private static String waitForVerdict(Browser browser, String id) {
    return new WebDriverWait(browser.driver(), WAIT)
        .until(
            d ->
                d.findElements(By.id(id)).stream()
                    .map(e -> e.getText())
                    .filter(t -> !t.isEmpty())
                    .findFirst()
                    .orElse(null));
  }

  private static String outcome(Browser browser, String stepId) {
    return browser.driver().findElement(By.id(stepId)).getAttribute("data-outcome");
  }

  private static void assertNoCspViolation(Browser browser) {
    List<String> csp =
        browser.consoleErrors().stream()
            .filter(m -> m.contains("Content Security Policy"))
            .toList();
    assertEquals(List.of(), csp, "the page's scripts run under its CSP");
  }

  /**
   * A draft trial with this document; returns the document's leaf hash once a checkpoint covers it.
   */
  static String documentInTheLog(ApiClient api, byte[] pdf) throws Exception {
    String id =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials",
                        RegistryFixtures.completeRecordJson(),
                        "sponsor",
                        "sponsor-demo-pw"))
                .get("registryId");
    HttpResponse<String> doc =
        api.postBytes(
            "/api/trials/" + id + "/documents?kind=PROTOCOL&fileName=protocol.pdf",
            "application/pdf",
            pdf,
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, doc.statusCode(), doc.body());
    String leaf = (String) RegistryApiIT.json(doc).get("leafHash");
    long deadline = System.currentTimeMillis() + 30_000;
    // the entry has its leaf, and a checkpoint covers it
    while (!covered(api, leaf)) {
      assertTrue(System.currentTimeMillis() < deadline, "integrated");
      Thread.sleep(100);
    }
    return leaf;
  }

  private static boolean covered(ApiClient api, String leaf) {
    Map<String, Object> receipt = RegistryApiIT.json(api.get("/api/receipts/" + leaf));
    return receipt.get("leafIndex") != null && receipt.get("checkpointSize") != null;
  }
}
