package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * The registry as people use it, in headless Chromium: a sponsor registers a trial through the form
 * and uploads its protocol, a regulator reviews and publishes it, and a member of the public finds
 * it and reads what changed between versions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  private Browser browser;
  private ApiClient api;

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
  void aSponsorRegistersARegulatorPublishesAndThePublicFindsTheTrialAndItsHistory()
      throws Exception {
    // the sponsor starts a registration and fills in what publication requires
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.driver().findElement(By.id("nav:menuMyTrials")).click();
    browser.waitFor(By.id("trials:newTitle"));
    type("trials:newTitle", "Tidal breathing training for <script>alert('x')</script> COPD");
    click("trials:create");
    browser.waitFor(By.id("editRegistryId"));
    String id = browser.text(By.id("editRegistryId"));
    assertTrue(id.matches("TLR-\\d{8}-\\d"), id);
    // the action's message outlives its redirect (MessagesAcrossRedirects)
    assertTrue(
        browser.text(By.id("draft:messages")).contains("Registered as a draft"),
        browser.text(By.id("draft:messages")));

    type(
        "draft:scientificTitle",
        "A randomised trial of tidal breathing training in adults with COPD");
    type("draft:primarySponsor", "Helix Therapeutics");
    type("draft:fundingSources", "Helix Therapeutics GmbH");
    type("draft:publicContactEmail", "trials@helix.example");
    type("draft:scientificContactEmail", "science@helix.example");
    type("draft:conditions", "Chronic obstructive pulmonary disease");
    type("draft:countries", "DE\nGB");
    type("draft:inclusionCriteria", "Adults with COPD GOLD 2-3");
    choose("draft:studyType", "INTERVENTIONAL");
    choose("draft:phases", "NA");
    type("draft:firstEnrolmentDate", "2026-05");
    choose("draft:firstEnrolmentType", "ANTICIPATED");
    type("draft:enrolmentCount_input", "120");
    choose("draft:recruitmentStatus", "NOT_YET_RECRUITING");
    choose("draft:ethicsStatus", "APPROVED");
    choose("draft:ipdPlan", "NO");
    click("draft:addIntervention");
    waitForRows("Intervention 1");
    typeInRow("Intervention 1", 0, "Tidal breathing training"); // after the type menu
    click("draft:addPrimaryOutcome");
    waitForRows("Primary outcome 1");
    typeInRow("Primary outcome 1", 0, "Six-minute walk distance");
    typeInRow("Primary outcome 1", 1, "12 weeks");

    // a bad date is refused at its field, and everything else is saved (issue 17)
    type("draft:completionDate", "2027-13");
    click("draft:save");
    waitForText(By.id("draft:completionDateMsg"), "Not a real calendar date");
    assertTrue(browser.text(By.id("draft:refused")).contains("22. Completion date"));
    clear("draft:completionDate");
    click("draft:save");
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("draft:refused")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("still refused: " + browser.text(By.id("draft:refused")), e);
    }
    waitForText(By.id("draft:messages"), "Draft saved");

    // the protocol PDF, and a file that only claims to be one
    Path pdf = Files.createTempFile("protocol", ".pdf");
    Files.write(pdf, RegistryApiIT.PDF);
    Path fake = Files.createTempFile("not-really", ".pdf");
    Files.writeString(fake, "PK\u0003\u0004 this is a zip file");
    upload(fake);
    waitForText(By.id("docs:docMessages"), "not a PDF");
    Path huge = Files.createTempFile("huge", ".pdf");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
    }
    upload(huge);
    waitForText(By.tagName("body"), "is larger than the limit of 50");
    upload(pdf);
    waitForText(By.id("docs:documents"), RegistryApiIT.sha256(RegistryApiIT.PDF));
    assertEquals(
        1,
        browser.driver().findElements(By.cssSelector("[id='docs:documents_data'] tr")).size(),
        "only the real PDF is attached");

    assertEquals(
        "",
        browser.driver().findElement(By.cssSelector("ul.tl-missing")).getText(),
        "nothing publication requires is missing");
    assertTrue(browser.present(By.id("complete")));
    type("draft:reason", "First registration");
    click("draft:submit");
    waitForText(By.id("draft:messages"), "Version 1 submitted for review");
    browser.logout();

    // the regulator reviews: an advisory comment, then publication
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.driver().findElement(By.id("nav:menuReview")).click();
    browser.waitFor(By.linkText(id + " v1"));
    browser.driver().findElement(By.linkText(id + " v1")).click();
    browser.waitFor(By.id("review:body"));
    type("review:body", "Consider reporting exacerbations as a secondary outcome.");
    click("review:addComment");
    waitForText(By.id("comments"), "exacerbations");
    click("review:publish");
    browser.waitFor(By.id("review:confirmYes"));
    click("review:confirmYes");
    waitForText(By.id("review:messages"), "Version 1 published");
    browser.logout();

    // an amendment through the API, published, so that there is a history to compare
    String draft = api.get("/api/trials/" + id + "/draft", "sponsor", "sponsor-demo-pw").body();
    String amended = draft.replace("NOT_YET_RECRUITING", "RECRUITING");
    assertEquals(
        200,
        api.putJson("/api/trials/" + id + "/draft", amended, "sponsor", "sponsor-demo-pw")
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

    // a member of the public searches, opens the trial and its history
    browser.open("/registry/index.xhtml");
    type("search:q", "tidal breathing");
    click("search:go");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.linkText(id)).click();
              return true;
            });
    browser.waitFor(By.id("trialTitle"));
    assertEquals(
        "Tidal breathing training for <script>alert('x')</script> COPD",
        browser.text(By.id("trialTitle")),
        "the title is shown as text");
    assertNoAlert();
    assertTrue(
        browser.driver().getPageSource().contains("&lt;script&gt;"), "and escaped in the page");
    assertTrue(browser.text(By.id("documents")).contains(RegistryApiIT.sha256(RegistryApiIT.PDF)));
    browser.driver().findElement(By.id("compareLink")).click();
    browser.waitFor(By.id("diffRows"));
    String diff = browser.text(By.id("diffRows"));
    assertTrue(diff.contains("18. Recruitment status"), diff);
    WebElement changed =
        browser.driver().findElement(By.cssSelector("#diffRows tr.tl-diff-changed"));
    assertTrue(
        changed.getText().contains("Not yet recruiting")
            && changed.getText().contains("Recruiting")
            && !changed.getText().contains("NOT_YET_RECRUITING"),
        changed.getText());
    assertFalse(
        browser.driver().findElements(By.cssSelector("#diffRows .tl-ins")).isEmpty(),
        "the new words are highlighted");
    assertTrue(browser.text(By.id("diff:changeCount")).startsWith("1 item(s) differ"));
    Pages.assertNoStackTrace(browser.driver().getPageSource());
  }

  @Test
  void anotherOrganisationsDraftIsNotFoundOnThePages() {
    HttpResponse<String> created =
        api.postJson(
            "/api/trials", "{\"publicTitle\":\"Private draft\"}", "sponsor", "sponsor-demo-pw");
    String id = (String) RegistryApiIT.json(created).get("registryId");
    browser.open("/registry/trial.xhtml?id=" + id);
    assertTrue(
        browser.driver().getPageSource().contains("error-404")
            || browser.present(By.id("error-404")),
        "the public gets not found");
    String admin = "admin-demo-pw";
    HttpResponse<String> org =
        api.postJson(
            "/api/admin/organisations",
            "{\"name\":\"Other Sponsor\",\"kind\":\"SPONSOR\",\"country\":\"CH\"}",
            "admin",
            admin);
    assertEquals(201, org.statusCode(), org.body());
    Object orgId = RegistryApiIT.json(org).get("id");
    assertEquals(
        201,
        api.postJson(
                "/api/admin/users",
                "{\"username\":\"other\",\"fullName\":\"Otto Other\",\"password\":\"other-password-1\",\"organisationId\":"
                    + orgId
                    + ",\"role\":\"SPONSOR\"}",
                "admin",
                admin)
            .statusCode());
    browser.login("other", "other-password-1");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/edit.xhtml?id=" + id);
    assertTrue(browser.present(By.id("error-404")), "another sponsor's draft is not found");
    browser.open("/registry/trial.xhtml?id=" + id);
    assertTrue(browser.present(By.id("error-404")));
    browser.logout();
    browser.login("site1", "site1-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/edit.xhtml?id=" + id);
    assertTrue(browser.present(By.id("error-403")), "site staff are not sponsors");
  }

  /**
   * Issue 17, findings 3 and 7: coded items are choices, refused as free text by the service, shown
   * as labels, and the public phase filter finds a trial whose phase was entered as "Phase 3"; the
   * trial page reads in sections, with UTC times and month-precision dates as registered, and fits
   * a 390 px phone without sideways scrolling.
   */
  @Test
  void codedItemsAreChoicesTheTrialPageReadsAndFitsAPhone() throws Exception {
    String title = "Coded phase trial " + System.nanoTime();
    String typed =
        RegistryFixtures.completeRecordJson()
            .replace("\"PHASE2\"", "\"Phase 3\"")
            .replaceFirst("\"publicTitle\":\"[^\"]*\"", "\"publicTitle\":\"" + title + "\"");
    HttpResponse<String> refused = api.postJson("/api/trials", typed, "sponsor", "sponsor-demo-pw");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"field\":\"design.phases[0]\""), refused.body());
    assertTrue(refused.body().contains("PHASE3"), "the refusal names the code: " + refused.body());

    String id =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials",
                        typed.replace("\"Phase 3\"", "\"NA\""),
                        "sponsor",
                        "sponsor-demo-pw"))
                .get("registryId");

    // the sponsor picks "Phase 3" from the menu (a select, no longer a text field) and saves
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/edit.xhtml?id=" + id);
    browser.waitFor(By.id("draft:phases"));
    List<String> offered =
        browser.driver().findElements(By.cssSelector("[id='draft:phases_input'] option")).stream()
            .map(o -> o.getAttribute("textContent").strip())
            .toList();
    assertTrue(
        offered.containsAll(List.of("Phase 3", "Phase 2/Phase 3", "Not applicable")),
        offered.toString());
    for (String coded : List.of("allocation", "masking", "interventionModel", "primaryPurpose"))
      assertTrue(browser.present(By.id("draft:" + coded + "_input")), coded + " is a menu");
    chooseLabel("draft:phases", "Phase 3");
    click("draft:save");
    waitForText(By.id("draft:messages"), "Draft saved");
    browser.logout();
    assertEquals(
        201,
        api.postJson("/api/trials/" + id + "/submit", "{}", "sponsor", "sponsor-demo-pw")
            .statusCode());
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + id + "/versions/1/publish", "", "regulator", "regulator-demo-pw")
            .statusCode());
    String ctgov = api.get("/api/trials/" + id + "/export/ctgov").body();
    assertTrue(ctgov.contains("\"PHASE3\""), "exports keep the code: " + ctgov);

    // the public phase filter finds it
    browser.open("/registry/index.xhtml?phase=PHASE3&sort=NEWEST");
    browser.waitFor(By.id("results"));
    waitForText(By.id("results"), id);

    // the trial page: sections, labels, UTC, the month as registered, the proofs panel
    browser.open("/registry/trial.xhtml?id=" + id);
    browser.waitFor(By.id("proofs"));
    String page = browser.text(By.tagName("main"));
    for (String section :
        List.of(
            "Overview",
            "Status and dates",
            "Eligibility",
            "Arms and interventions",
            "Outcomes",
            "Contacts and locations",
            "Documents",
            "History",
            "Proofs"))
      assertTrue(
          browser
                  .driver()
                  .findElements(By.xpath("//h2[normalize-space()='" + section + "']"))
                  .size()
              == 1,
          section);
    assertEquals("Phase 3", browser.text(By.id("phases")));
    assertEquals("2026-03 (estimated)", browser.text(By.id("startDate")), "a month stays a month");
    assertTrue(page.contains("Placebo comparator") || page.contains("Experimental"), page);
    for (String code :
        List.of(
            "PLACEBO_COMPARATOR",
            "ANTICIPATED",
            "NOT_YET_RECRUITING",
            "RANDOMIZED",
            "PHASE3",
            "healthy volunteers false",
            "2026-03-01"))
      assertFalse(page.contains(code), "no code or invented day on the page: " + code);
    assertTrue(
        browser.text(By.id("receiptStatus")).contains("UTC"), browser.text(By.id("receiptStatus")));
    assertFalse(page.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+.*"), "no millisecond timestamps");
    assertTrue(
        browser.driver().findElement(By.id("briefSummary")).getLocation().getY()
            < browser.driver().findElement(By.id("eligibility")).getLocation().getY(),
        "the summary comes before the details");
    assertTrue(
        browser.present(By.id("downloadReceipt")) && browser.present(By.id("downloadProof")));
    assertNoSidewaysScrolling();
    Screenshots.save(browser.driver(), "trial-page", "overview");

    // a phone: 390 px wide, on the trial page and the history page
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/registry/trial.xhtml?id=" + id);
    browser.waitFor(By.id("proofs"));
    assertNoSidewaysScrolling();
    browser.open("/registry/history.xhtml?id=" + id);
    browser.waitFor(By.id("diffRows"));
    assertNoSidewaysScrolling();
    Pages.assertNoStackTrace(browser.driver().getPageSource());
  }

  private void assertNoSidewaysScrolling() {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    long scroll = (Long) js.executeScript("return document.documentElement.scrollWidth;");
    long client = (Long) js.executeScript("return document.documentElement.clientWidth;");
    assertTrue(
        scroll <= client,
        browser.driver().getCurrentUrl()
            + ": the page is "
            + scroll
            + " px wide in a "
            + client
            + " px window; widest: "
            + js.executeScript(
                "let w=null;for(const e of document.querySelectorAll('body *')){const r=e.getBoundingClientRect();"
                    + "if(r.right>document.documentElement.clientWidth+1&&(!w||r.width<w.getBoundingClientRect().width))w=e;}"
                    + "return w?w.tagName+'#'+w.id+'.'+w.className:'';"));
  }

  /** Picks the option of a PrimeFaces selectOneMenu that carries this label, as a person would. */
  private void chooseLabel(String id, String label) {
    String value =
        browser
            .driver()
            .findElement(
                By.xpath(
                    "//select[@id='" + id + "_input']/option[normalize-space()='" + label + "']"))
            .getAttribute("value");
    choose(id, value);
  }

  private void type(String id, String text) {
    WebElement e = browser.driver().findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private void clear(String id) {
    browser.driver().findElement(By.id(id)).clear();
  }

  private void click(String id) {
    WebElement e = browser.driver().findElement(By.id(id));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  /**
   * Picks a value of a PrimeFaces selectOneMenu through its widget, as a click on the item would.
   */
  private void choose(String id, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "PrimeFaces.widgets['widget_' + arguments[0].replace(/:/g, '_')].selectValue(arguments[1]);",
            id,
            value);
  }

  private void waitForRows(String label) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d ->
                d.findElements(
                            By.xpath(
                                "//div[contains(@class,'tl-row-group')][strong[normalize-space()='"
                                    + label
                                    + "']]"))
                        .size()
                    == 1);
  }

  /** The row's {@code input}-th text field, counting only text fields (not a menu's inputs). */
  private void typeInRow(String label, int input, String text) {
    WebElement row =
        browser
            .driver()
            .findElement(
                By.xpath(
                    "//div[contains(@class,'tl-row-group')][strong[normalize-space()='"
                        + label
                        + "']]"));
    WebElement field =
        row.findElements(By.cssSelector("input.ui-inputtext, textarea.ui-inputtext")).get(input);
    field.clear();
    field.sendKeys(text);
  }

  private void upload(Path file) {
    browser.driver().findElement(By.id("docs:upload_input")).sendKeys(file.toString());
  }

  private void waitForText(By locator, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  private void assertNoAlert() {
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("a stored script ran");
    } catch (NoAlertPresentException expected) {
      // no script ran
    }
  }
}
