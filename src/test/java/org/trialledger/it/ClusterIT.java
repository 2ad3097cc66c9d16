package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21: two Payara Micro instances in one Hazelcast cluster (TCP discovery on loopback, no
 * multicast) behind HAProxy, round-robin without stickiness, as README "Running two instances
 * behind HAProxy" describes. Both start at once on a fresh database (the log key is published
 * once); a browser stays logged in while its pages alternate between the instances; a half-filled
 * draft, kept only in a view-scoped bean, survives postbacks served by the other instance; and
 * after kill -9 of the instance that served the last postback, the session and the draft go on on
 * the other.
 */
class ClusterIT {
  /** HAProxy names its servers a and b and tells the browser which one answered (Server-Timing). */
  private static final String SERVED_BY_NAVIGATION =
      "const e = performance.getEntriesByType('navigation')[0];"
          + " return e ? e.serverTiming.map(t => t.description).join() : null;";

  private static final String SERVED_BY_LAST_XHR =
      "const e = performance.getEntriesByType('resource')"
          + ".filter(r => r.initiatorType === 'xmlhttprequest').pop();"
          + " return e ? e.serverTiming.map(t => t.description).join() : null;";

  /** Keeps the status and start of the last ajax answer, for the failure message. */
  private static final String XHR_HOOK =
      "if (!window.__tlHook) { window.__tlHook = true;"
          + " const open = XMLHttpRequest.prototype.open;"
          + " XMLHttpRequest.prototype.open = function() {"
          + "  this.addEventListener('load', () => { window.__lastXhr = this.status + ' '"
          + "   + (this.getResponseHeader('Server-Timing') || '') + ' '"
          + "   + this.responseText.substring(0, 2000); });"
          + "  return open.apply(this, arguments); }; }";

  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
  }

  @Test
  void aSessionAndAHalfFilledDraftMoveBetweenInstancesAndOutliveOne() throws Exception {
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("cluster-it"));
    Path war = work.resolve("trialledger-cluster.war");
    Deployments.application().as(ZipExporter.class).exportTo(war.toFile(), true);
    Path keyFile = work.resolve("log-signing.key");
    Files.deleteIfExists(keyFile);

    int httpA = MicroProcess.freePort();
    int httpB = MicroProcess.freePort();
    int gridA = MicroProcess.freePort();
    int gridB = MicroProcess.freePort();
    String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
    String clusterName = "trialledger-it-" + ProcessHandle.current().pid();

    // both at once, on a database that has no log key yet
    MicroProcess a = instance(war, work, "a", httpA, gridA, members, clusterName, keyFile);
    MicroProcess b = instance(war, work, "b", httpB, gridB, members, clusterName, keyFile);
    a.awaitReady(480_000);
    b.awaitReady(480_000);
    assertEquals("1", LedgerIT.string("SELECT COUNT(*) FROM log_key"), "published keys");
    assertEquals(
        "1",
        LedgerIT.string("SELECT COUNT(*) FROM checkpoint WHERE tree_size = 0"),
        "checkpoints of the empty log");
    awaitLogLine(work.resolve("a.log"), "DG Size: 2");
    awaitLogLine(work.resolve("b.log"), "DG Size: 2");

    // a full audit started on a is watched on b (background_job, V27)
    var auditStart =
        new ApiClient(a.url()).postJson("/api/ledger/audits", "{}", "admin", "admin-demo-pw");
    assertEquals(202, auditStart.statusCode(), auditStart.body());
    Matcher audit =
        Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(auditStart.body());
    assertTrue(audit.find(), auditStart.body());
    ApiClient onB = new ApiClient(b.url());
    String watched = "";
    long auditDeadline = System.currentTimeMillis() + 120_000;
    while (!watched.contains("\"PASSED\"") && System.currentTimeMillis() < auditDeadline) {
      var answer = onB.get("/api/ledger/audits/" + audit.group(1), "admin", "admin-demo-pw");
      assertEquals(200, answer.statusCode(), "the audit seen from b: " + answer.body());
      watched = answer.body();
      Thread.sleep(500);
    }
    assertTrue(watched.contains("\"PASSED\""), "the audit as b shows it: " + watched);
    var second = onB.postJson("/api/ledger/audits", "{}", "admin", "admin-demo-pw");
    assertEquals(202, second.statusCode(), "a new audit once the first ended: " + second.body());

    // CPU per request type on a clustered instance (docs/scaling.md), before the browser runs
    System.out.println(RequestCostBench.measure(work, a, "instance a of two, clustered", 15));

    Haproxy proxy = Haproxy.start(work, httpA, httpB);
    started.add(proxy);
    Browser browser = new Browser(proxy.url().toString());
    started.add(browser);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();

    // logged in once; page loads alternate between the instances and stay logged in
    browser.login("sponsor", "sponsor-demo-pw");
    await(browser, By.id("currentUser"));
    // cluster-preboot.asadmin turned availability on: the session is in the grid, versioned (a
    // lone instance has no such cookie: PlatformIT)
    assertTrue(
        browser.driver().manage().getCookieNamed("JSESSIONIDVERSION") != null,
        "a grid session: " + browser.driver().manage().getCookies());
    Set<String> servers = new HashSet<>();
    ApiClient viaProxy = new ApiClient(proxy.url());
    for (int i = 0; i < 8; i++) {
      browser.open("/account.xhtml");
      assertEquals("sponsor", browser.text(By.id("currentUser")), "page load " + i);
      servers.add((String) js.executeScript(SERVED_BY_NAVIGATION));
      // a page load may take an even number of requests: one more shifts the round-robin
      if (servers.size() < 2) viaProxy.get("/api/log/checkpoint");
    }
    assertEquals(Set.of("a", "b"), servers, "instances that served the page loads");

    // an action's message outlives a redirect served by either instance: it travels in the
    // session, not in the flash of the instance that ran the action (MessagesAcrossRedirects)
    for (int more = 1; more <= 3; more++) {
      browser.open("/sponsor/trials.xhtml");
      await(browser, By.id("trials:newTitle"));
      browser.driver().findElement(By.id("trials:newTitle")).sendKeys("Cluster draft " + more);
      browser.driver().findElement(By.id("trials:create")).click();
      await(browser, By.id("editRegistryId"));
      assertTrue(
          browser.text(By.id("draft:messages")).contains("Registered as a draft"),
          "draft " + more + ", served by " + js.executeScript(SERVED_BY_NAVIGATION));
    }
    // a draft, half filled: the typed title and the added rows live in the view-scoped bean only
    browser.open("/sponsor/trials.xhtml");
    await(browser, By.id("trials:newTitle"));
    browser.driver().findElement(By.id("trials:newTitle")).sendKeys("Cluster draft");
    browser.driver().findElement(By.id("trials:create")).click();
    await(browser, By.id("editRegistryId"));
    String id = browser.text(By.id("editRegistryId"));
    assertTrue(
        browser.text(By.id("draft:messages")).contains("Registered as a draft"),
        "after the redirect, served by " + js.executeScript(SERVED_BY_NAVIGATION));
    browser.driver().findElement(By.id("draft:scientificTitle")).sendKeys("Typed before a move");
    js.executeScript(XHR_HOOK);
    List<String> postbacks = new ArrayList<>();
    for (int rows = 1; rows <= 3 || new HashSet<>(postbacks).size() < 2; rows++) {
      if (rows > 6) break;
      addInterventionRow(browser, rows);
      postbacks.add((String) js.executeScript(SERVED_BY_LAST_XHR));
      if (new HashSet<>(postbacks).size() < 2) viaProxy.get("/api/log/checkpoint");
    }
    assertTrue(
        new HashSet<>(postbacks).containsAll(Set.of("a", "b")),
        "postbacks served by both instances: " + postbacks);
    assertEquals(
        "Typed before a move",
        browser.driver().findElement(By.id("draft:scientificTitle")).getAttribute("value"));

    // kill -9 the instance that served the last postback: the other carries on
    String lastServer = postbacks.get(postbacks.size() - 1);
    MicroProcess victim = "a".equals(lastServer) ? a : b;
    Writers writers = Writers.start(proxy.url(), 8);
    writers.awaitAcknowledged(16);
    victim.kill();
    addInterventionRow(browser, postbacks.size() + 1);
    String survivor = (String) js.executeScript(SERVED_BY_LAST_XHR);
    assertTrue(!lastServer.equals(survivor), "served by the survivor: " + survivor);
    assertEquals(
        "Typed before a move",
        browser.driver().findElement(By.id("draft:scientificTitle")).getAttribute("value"));
    browser.driver().findElement(By.id("draft:save")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("draft:messages")).getText().contains("Draft saved"));
    String draft =
        new ApiClient(proxy.url())
            .get("/api/trials/" + id + "/draft", "sponsor", "sponsor-demo-pw")
            .body();
    assertTrue(draft.contains("Typed before a move"), draft);
    browser.open("/account.xhtml");
    assertEquals("sponsor", browser.text(By.id("currentUser")), "after the kill");

    // nothing a writer was told was stored is missing; the survivor integrates everything
    int before = writers.acknowledged().size();
    writers.awaitAcknowledged(before + 16);
    List<String> acknowledged = writers.stop();
    System.out.printf(
        "ClusterIT: page loads served by %s; draft postbacks by %s, then %s after %s was killed;"
            + " %d writes acknowledged across the kill%n",
        servers, postbacks, survivor, lastServer, acknowledged.size());
    for (String registryId : acknowledged)
      assertEquals(
          "1",
          LedgerIT.string("SELECT COUNT(*) FROM trial WHERE registry_id = '" + registryId + "'"),
          registryId + " was acknowledged");
    long deadline = System.currentTimeMillis() + 60_000;
    // append-only storage (docs/ledger-format.md §10): queued entries in ledger_queue, leaves in
    // ledger_leaf
    while (!"0".equals(LedgerIT.string("SELECT COUNT(*) FROM ledger_queue"))
        && System.currentTimeMillis() < deadline) Thread.sleep(500);
    assertEquals("0", LedgerIT.string("SELECT COUNT(*) FROM ledger_queue"), "queued");
    assertEquals(
        LedgerIT.string("SELECT COUNT(*) FROM ledger_entry"),
        LedgerIT.string("SELECT COUNT(*) FROM ledger_leaf"),
        "every entry is a leaf");
    assertEquals(
        LedgerIT.string("SELECT COUNT(*) FROM ledger_leaf"),
        LedgerIT.string("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaf"),
        "leaf indices are gapless");

    for (String name : List.of("a", "b")) {
      String log = Files.readString(work.resolve(name + ".log"), StandardCharsets.UTF_8);
      assertTrue(!log.contains("NotSerializableException"), name + ": a session did not serialize");
    }
  }

  /** API writers through the proxy: each creates drafts and keeps the ids it was answered 201. */
  static final class Writers {
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> acknowledged =
        java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    static Writers start(URL proxy, int count) {
      Writers w = new Writers();
      for (int i = 0; i < count; i++) {
        int n = i;
        Thread t =
            new Thread(
                () -> {
                  ApiClient api = new ApiClient(proxy);
                  for (int k = 0; w.running; k++) {
                    try {
                      var r =
                          api.postJson(
                              "/api/trials",
                              "{\"publicTitle\":\"Writer " + n + " draft " + k + "\"}",
                              "sponsor",
                              "sponsor-demo-pw");
                      var location = r.headers().firstValue("Location");
                      if (r.statusCode() == 201 && location.isPresent())
                        w.acknowledged.add(
                            location.get().substring(location.get().lastIndexOf('/') + 1));
                    } catch (RuntimeException refusedOrReset) {
                      // not acknowledged: the writer may try again
                    }
                  }
                });
        t.start();
        w.threads.add(t);
      }
      return w;
    }

    List<String> acknowledged() {
      return List.copyOf(acknowledged);
    }

    void awaitAcknowledged(int n) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 120_000;
      while (acknowledged.size() < n && System.currentTimeMillis() < deadline) Thread.sleep(200);
      assertTrue(acknowledged.size() >= n, "acknowledged writes: " + acknowledged.size());
    }

    List<String> stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) t.join(60_000);
      return List.copyOf(acknowledged);
    }
  }

  /**
   * Waits for the element and the whole page (PrimeFaces binds its buttons when the page has
   * loaded); if it never comes, says which page the browser shows instead.
   */
  private static void await(Browser browser, By locator) {
    try {
      browser.waitFor(locator);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(
              d ->
                  "complete"
                      .equals(
                          ((JavascriptExecutor) d).executeScript("return document.readyState")));
    } catch (RuntimeException e) {
      String text = browser.driver().findElement(By.tagName("body")).getText();
      throw new AssertionError(
          "no "
              + locator
              + " on "
              + browser.driver().getCurrentUrl()
              + ": "
              + text.substring(0, Math.min(600, text.length())),
          e);
    }
  }

  /** Clicks "Add intervention" (an ajax postback of the whole form) and waits for the new row. */
  private static void addInterventionRow(Browser browser, int expectedRows) {
    WebElement button = browser.driver().findElement(By.id("draft:addIntervention"));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block:'center'})", button);
    button.click();
    By rows =
        By.xpath(
            "//button[@id='draft:addIntervention']/preceding-sibling::div[contains(@class,'tl-row-group')]");
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElements(rows).size() == expectedRows);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "row "
              + expectedRows
              + " never came; page "
              + browser.driver().getCurrentUrl()
              + ", last ajax answer: "
              + ((JavascriptExecutor) browser.driver()).executeScript("return window.__lastXhr;")
              + ", console: "
              + browser.consoleErrors(),
          e);
    }
  }

  private MicroProcess instance(
      Path war,
      Path work,
      String name,
      int http,
      int grid,
      String members,
      String clusterName,
      Path keyFile)
      throws IOException {
    Path log = work.resolve(name + ".log");
    Files.deleteIfExists(log);
    MicroProcess p =
        MicroProcess.start(
            war,
            http,
            log,
            Map.of(
                "TRIALLEDGER_LEDGER_KEY_FILE",
                keyFile.toString(),
                // the demo trials too: seeded by one instance, and something to search
                "TRIALLEDGER_DEMO_TRIALS",
                "true"),
            // two members started together may each form a cluster first: merge them soon
            List.of(
                "-Dhazelcast.merge.first.run.delay.seconds=10",
                "-Dhazelcast.merge.next.run.delay.seconds=5"),
            List.of(
                "--name",
                name,
                "--clustername",
                clusterName,
                "--clustermode",
                "tcpip:" + members,
                "--interfaces",
                "127.0.0.1",
                "--startport",
                String.valueOf(grid),
                // both members share one address here: keep backups on the other one anyway
                "--nohostaware",
                // the whole session to the grid after every request (README)
                "--prebootcommandfile",
                Path.of("src/main/payara/cluster-preboot.asadmin").toAbsolutePath().toString()));
    started.add(p);
    return p;
  }

  private static void awaitLogLine(Path log, String text) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
      if (System.currentTimeMillis() > deadline)
        throw new AssertionError(log + " never said " + text);
      Thread.sleep(500);
    }
  }

  /** Debian's HAProxy in the foreground, with the configuration README shows. */
  static final class Haproxy implements AutoCloseable {
    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Haproxy start(Path work, int httpA, int httpB) throws Exception {
      int port = MicroProcess.freePort();
      Path config = work.resolve("haproxy.cfg");
      Files.writeString(config, config(port, httpA, httpB), StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("haproxy.log").toFile())
              .start();
      Haproxy proxy = new Haproxy(process, port);
      ApiClient client = new ApiClient(proxy.url());
      long deadline = System.currentTimeMillis() + 30_000;
      while (true) {
        try {
          if (client.get("/health").statusCode() == 200) return proxy;
        } catch (IllegalStateException notYet) {
          // not listening yet
        }
        if (!process.isAlive() || System.currentTimeMillis() > deadline)
          throw new IllegalStateException("HAProxy did not start: see " + work + "/haproxy.log");
        Thread.sleep(200);
      }
    }

    static String config(int port, int httpA, int httpB) {
      return String.join(
          "\n",
          "global",
          "  maxconn 256",
          "defaults",
          "  mode http",
          "  timeout connect 2s",
          "  timeout client 60s",
          "  timeout server 60s",
          "  # a request to an instance that died is sent to another one",
          "  retries 3",
          "  option redispatch 1",
          "frontend web",
          "  bind 127.0.0.1:" + port,
          "  default_backend trialledger",
          "backend trialledger",
          "  # no stickiness: every request may go to either instance",
          "  balance roundrobin",
          "  option httpchk GET /health/live",
          "  http-response set-header Server-Timing \"srv;desc=%[srv_name]\"",
          "  server a 127.0.0.1:" + httpA + " check inter 1s fall 2 rise 2",
          "  server b 127.0.0.1:" + httpB + " check inter 1s fall 2 rise 2",
          "");
    }

    URL url() throws IOException {
      return new URL("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }
}
