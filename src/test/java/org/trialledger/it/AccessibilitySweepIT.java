package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17: axe-core (WCAG 2.1 A and AA) on the pages the public, a regulator and an auditor meet,
 * each in the state a person reads it in (search results, a trial with a history, a verified file,
 * a version with comments, a finished audit, the error pages): no serious or critical violation,
 * and no page that scrolls sideways on a 390 px phone. The data-entry pages are swept in {@link
 * DataEntryBrowserIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilitySweepIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  private Browser browser;
  private ApiClient api;
  private final List<String> violations = new ArrayList<>();

  @BeforeEach
  void open() {
    browser = new Browser(base.toString());
    api = new ApiClient(base);
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void thePagesPeopleReadHaveNoSeriousAccessibilityViolations() throws Exception {
    String trial = amendedTrial();
    String underReview = versionUnderReviewWithComments();

    // the public
    check("/index.xhtml", By.tagName("main"));
    browser.login("sponsor", "wrong-password");
    browser.waitFor(By.id("login:messages"));
    sweep();
    check("/registry/index.xhtml?q=helixumab", By.linkText(trial));
    check("/registry/index.xhtml?from=someday", By.id("search:fromMsg"));
    check("/registry/trial.xhtml?id=" + trial, By.id("proofs"));
    check("/registry/history.xhtml?id=" + trial, By.id("diffRows"));
    check("/log.xhtml", By.id("checkpoints"));
    check("/anchoring.xhtml", By.id("anchoring:anchors"));
    check("/registry/trial.xhtml?id=TLR-99999999-9", By.id("error-404"));
    check("/registry/history.xhtml?id=" + trial + "&from=abc", By.id("error-400"));
    // what a failure dispatches to, opened as it is drawn then
    check("/error/500.xhtml", By.id("error-500"));
    check("/error/503.xhtml", By.id("error-503"));
    expiredPage();
    verifiedFile();

    // a regulator reviews and audits
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    check("/review/index.xhtml", By.linkText(underReview + " v1"));
    check("/review/version.xhtml?id=" + underReview + "&v=1", By.id("comments"));
    check("/review/workspace.xhtml", By.id("workspace:trials"));
    browser.open("/audit/ledger.xhtml");
    browser.driver().findElement(By.id("audit:start")).click();
    new WebDriverWait(browser.driver(), WAIT)
        .until(
            d ->
                d.findElements(By.id("verdict")).stream()
                    .anyMatch(e -> e.getText().contains("No discrepancies")));
    sweep();
    check("/audit/index.xhtml", By.id("audit:events"));
    check("/audit/coded-items.xhtml", By.id("codedItems"));
    check("/account.xhtml", By.id("roles"));
    browser.logout();

    // an administrator's anchoring page, with its buttons
    browser.login("admin", "admin-demo-pw");
    browser.waitFor(By.id("currentUser"));
    check("/anchoring.xhtml", By.id("anchoring:anchors"));
    browser.logout();

    // a sponsor's list of trials, and a page not theirs
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    check("/sponsor/trials.xhtml", By.id("trials:newTitle"));
    check("/admin/users.xhtml", By.id("error-403"));
    browser.logout();
    sweep(); // the page one lands on after logging out

    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  /**
   * Opens the page, waits for what shows it is ready, and sweeps it; a page that never got ready is
   * reported with the rest.
   */
  private void check(String path, By ready) {
    browser.open(path);
    try {
      browser.waitFor(ready);
    } catch (TimeoutException e) {
      violations.add(path + " never showed " + ready);
      return;
    }
    sweep();
  }

  /**
   * The page a person meets when the form they send belongs to a session that has ended: the
   * cookies are gone (a restart, a timeout) and the login form is sent.
   */
  private void expiredPage() {
    browser.open("/login.xhtml");
    browser.waitFor(By.id("login:submit"));
    browser.driver().manage().deleteAllCookies();
    browser.driver().findElement(By.id("login:username")).sendKeys("sponsor");
    browser.driver().findElement(By.id("login:password")).sendKeys("sponsor-demo-pw");
    browser.driver().findElement(By.id("login:submit")).click();
    browser.waitFor(By.tagName("h1"));
    String heading = browser.text(By.tagName("h1"));
    if (!heading.toLowerCase(java.util.Locale.ROOT).contains("expired"))
      violations.add("a form sent without its session showed \"" + heading + "\"");
    sweep();
  }

  /** axe-core at the desktop width, one h1, then the same page on a 390 px phone. */
  private void sweep() {
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    violations.addAll(Accessibility.headingOneProblems(browser.driver()));
    violations.addAll(Accessibility.sidewaysScrollingOnAPhone(browser.driver()));
  }

  /**
   * /verify.xhtml after checking a registered file in the browser. On loopback: WebCrypto exists
   * only in a secure context.
   */
  private void verifiedFile() throws Exception {
    byte[] pdf = VerificationIT.pdf("accessibility sweep " + System.nanoTime());
    VerifyPageIT.documentInTheLog(api, pdf);
    Path file = Files.createTempFile("protocol", ".pdf");
    Files.write(file, pdf);
    try (Browser loopback =
        new Browser(new URL("http", "127.0.0.1", base.getPort(), base.getFile()).toString())) {
      loopback.open("/verify.xhtml");
      loopback.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
      new WebDriverWait(loopback.driver(), WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("browserVerdict0"), "Verified"));
      violations.addAll(Accessibility.seriousViolations(loopback.driver()));
      violations.addAll(Accessibility.sidewaysScrollingOnAPhone(loopback.driver()));
    }
  }

  /** A published trial with a second, published version: a history to compare. */
  private String amendedTrial() {
    String id = SiteIT.publishedTrial(api);
    String draft = api.get("/api/trials/" + id + "/draft", "sponsor", "sponsor-demo-pw").body();
    assertEquals(
        200,
        api.putJson(
                "/api/trials/" + id + "/draft",
                draft.replace("NOT_YET_RECRUITING", "RECRUITING"),
                "sponsor",
                "sponsor-demo-pw")
            .statusCode());
    HttpResponse<String> v2 =
        api.postJson(
            "/api/trials/" + id + "/submit",
            "{\"reason\":\"Recruitment opened\"}",
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, v2.statusCode(), v2.body());
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + id + "/versions/2/publish", "", "regulator", "regulator-demo-pw")
            .statusCode());
    return id;
  }

  /** A submitted version with a major and a minor comment. */
  private String versionUnderReviewWithComments() {
    String id = SiteIT.submittedTrial(api);
    for (String comment :
        List.of(
            "{\"severity\":\"MAJOR\",\"body\":\"State the primary outcome's time frame\"}",
            "{\"severity\":\"ADVISORY\",\"body\":\"Spell out PASI once\"}"))
      assertEquals(
          201,
          api.postJson(
                  "/api/trials/" + id + "/versions/1/comments",
                  comment,
                  "regulator",
                  "regulator-demo-pw")
              .statusCode());
    return id;
  }
}
