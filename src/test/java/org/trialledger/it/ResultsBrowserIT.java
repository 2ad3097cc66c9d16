package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Results as people enter and read them, in headless Chromium: the sponsor fills the results of a
 * published trial section by section (a spreadsheet block pasted into a table; a count that is not
 * a number refused at its cell while everything else is kept), saves drafts and submits; a
 * regulator publishes; the public trial page shows the Results section with its tables and charts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResultsBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  private Browser browser;

  @BeforeEach
  void open() {
    browser = new Browser(base.toString());
  }

  @AfterEach
  void close() {
    browser.close();
  }

  private String publishedTrial() {
    ApiClient api = new ApiClient(base);
    HttpResponse<String> r =
        api.postJson(
            "/api/trials", RegistryFixtures.completeRecordJson(), "sponsor", "sponsor-demo-pw");
    assertEquals(201, r.statusCode(), r.body());
    String id = (String) RegistryApiIT.json(r).get("registryId");
    assertEquals(
        201,
        api.postJson("/api/trials/" + id + "/submit", "{}", "sponsor", "sponsor-demo-pw")
            .statusCode());
    assertEquals(
        200,
        api.postJson(
                "/api/trials/" + id + "/versions/1/publish", "", "regulator", "regulator-demo-pw")
            .statusCode());
    return id;
  }

  @Test
  void aSponsorEntersResultsARegulatorPublishesThemAndThePublicSeesTablesAndCharts() {
    String id = publishedTrial();

    // the sponsor finds the results pages of the published trial
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/trials.xhtml");
    browser.waitFor(By.cssSelector("a.tl-results-link"));
    browser.open("/sponsor/results.xhtml?id=" + id);
    browser.waitFor(By.id("results:saveFlow"));
    click("results:prefill");
    waitForText(By.id("results:messages"), "Pre-filled");

    // participant flow: groups per arm and the milestones are there; one count is not a number
    assertEquals(
        "Helixumab", value(By.cssSelector("[id^='results:flowGroups:'][id$=':gtitle']"), 0));
    cell("flow-0-milestones", "0-0", "60");
    cell("flow-0-milestones", "0-1", "sixty");
    paste("flow-0-milestones", "1-0", "55\t52\n5\t8");
    assertEquals("8", cellValue("flow-0-milestones", "2-1"), "the pasted block filled the cells");
    click("results:saveFlow");
    waitForText(By.id("results:messages"), "Participant flow saved without 1 value");
    waitForText(cellBox("flow-0-milestones", "0-1"), "Write a whole number");
    assertEquals("sixty", cellValue("flow-0-milestones", "0-1"), "what was typed stays");
    assertTrue(
        cellInput("flow-0-milestones", "0-1").getAttribute("class").contains("tl-cell-error"));
    assertEquals("60", cellValue("flow-0-milestones", "0-0"), "the other values are kept");
    assertEquals("52", cellValue("flow-0-milestones", "1-1"));
    cell("flow-0-milestones", "0-1", "60");
    click("results:saveFlow");
    waitUntilGone(cellBox("flow-0-milestones", "0-1"), "Write a whole number");
    waitForText(By.id("results:messages"), "Participant flow saved");

    // baseline: the number analysed per arm and in total
    paste("baseline-denoms", "0-0", "60\t60\t120");
    click("results:saveBaseline");
    waitForText(By.id("results:messages"), "Baseline characteristics saved");

    // the registered primary outcome, pre-filled from the registration: its unit is required
    cell("outcome-0-denoms", "0-0", "60");
    cell("outcome-0-denoms", "0-1", "60");
    cell("outcome-0", "0-0", "41");
    cell("outcome-0", "0-2", "6");
    click("results:saveOutcomes");
    waitForText(By.id("findings-OUTCOME_MEASURES"), "Give the unit of measure");
    type("results:outcomes:0:unitOfMeasure", "Participants");
    click("results:saveOutcomes");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("findings-OUTCOME_MEASURES")));
    waitForText(By.id("results:messages"), "Outcome measures saved");

    // adverse events: totals pasted as a block of six rows
    paste("ae-totals", "0-0", "0\t0\n60\t60\n0\t0\n60\t60\n0\t0\n60\t60\n");
    type("results:timeFrame", "Day 1 to week 20");
    click("results:saveEvents");
    waitForText(By.id("results:messages"), "Adverse events saved");

    click("results:check");
    waitUntilGone(By.id("results:messages"), "Adverse events saved");
    waitForText(By.id("findingCount"), "0 error(s)");
    List<String> violations = new ArrayList<>(Accessibility.seriousViolations(browser.driver()));
    click("results:submit");
    waitForText(By.id("results:messages"), "Results version 1 submitted for review");
    browser.logout();

    // the regulator publishes from the review queue
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/review/index.xhtml");
    browser.waitFor(By.linkText(id + " results v1"));
    browser.driver().findElement(By.linkText(id + " results v1")).click();
    browser.waitFor(By.id("review:publish"));
    assertTrue(
        browser.text(By.id("review-flow-0")).contains("60"), "the regulator reads the tables");
    assertTrue(
        browser.text(By.id("review-flow-0")).contains("Not completed"),
        "milestone codes read as words");
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    click("review:publish");
    waitForText(By.id("review:messages"), "Results version 1 published");
    waitForText(By.id("resultsState"), "Published");
    browser.logout();

    // anyone reads the published results with their charts
    browser.consoleErrors();
    browser.open("/registry/trial.xhtml?id=" + id);
    browser.waitFor(By.id("resultsTab"));
    String flow = browser.text(By.id("results-flow-0"));
    assertTrue(flow.contains("Started") && flow.contains("55") && flow.contains("8"), flow);
    assertFalse(flow.contains("STARTED"), "milestone codes read as words: " + flow);
    assertTrue(browser.text(By.id("results-outcome-0")).contains("41"));
    assertTrue(browser.text(By.id("results-ae-totals")).contains("0 / 60"));
    List<WebElement> charts =
        browser.driver().findElements(By.cssSelector("#results svg.tl-chart"));
    assertEquals(2, charts.size(), "the flow diagram and the primary outcome's chart");
    assertEquals(
        "Participant flow",
        charts.get(0).findElement(By.tagName("title")).getAttribute("textContent"));
    assertEquals("img", charts.get(0).getAttribute("role"));
    assertEquals(6, charts.get(0).findElements(By.tagName("rect")).size());
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    assertTrue(violations.isEmpty(), "axe-core: " + String.join("\n", violations));
    assertEquals(
        List.of(),
        browser.consoleErrors().stream()
            .filter(m -> m.contains("Content Security Policy"))
            .toList(),
        "nothing the CSP blocks");
  }

  // --- helpers

  private By cellBox(String grid, String address) {
    return By.xpath(
        "//table[@data-tl-grid='" + grid + "']//input[@data-tl-cell='" + address + "']/..");
  }

  private WebElement cellInput(String grid, String address) {
    return browser
        .driver()
        .findElement(
            By.cssSelector(
                "table[data-tl-grid='" + grid + "'] input[data-tl-cell='" + address + "']"));
  }

  private String cellValue(String grid, String address) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> cellInput(grid, address).getAttribute("value"));
  }

  private void cell(String grid, String address, String text) {
    WebElement e = cellInput(grid, address);
    scroll(e);
    e.clear();
    e.sendKeys(text);
  }

  /** A paste from a spreadsheet: the browser's paste event with tab-separated text. */
  private void paste(String grid, String address, String text) {
    WebElement e = cellInput(grid, address);
    scroll(e);
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);"
                + "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
            e,
            text);
  }

  private String value(By by, int index) {
    return browser.driver().findElements(by).get(index).getAttribute("value");
  }

  private void type(String id, String text) {
    WebElement e = browser.driver().findElement(By.id(id));
    scroll(e);
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks the element, found again if an ajax update replaced it meanwhile. */
  private void click(String id) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement e = d.findElement(By.id(id));
              scroll(e);
              e.click();
              return true;
            });
  }

  private void scroll(WebElement e) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block:'center'})", e);
  }

  private void waitUntilGone(By locator, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(locator).getText().contains(text));
  }

  private void waitForText(By locator, String text) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .ignoring(StaleElementReferenceException.class)
          .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      String body = browser.driver().findElement(By.tagName("main")).getText();
      throw new AssertionError(
          "no \""
              + text
              + "\" in "
              + locator
              + "; page: "
              + body.substring(0, Math.min(4000, body.length())),
          e);
    }
  }
}
