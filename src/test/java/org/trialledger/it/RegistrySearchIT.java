package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.RegistryFixtures;

/**
 * Search that finds (issue 17, finding 8 and the phone layout of finding 9): identifiers as exact
 * matches ranked first, word forms, filters that are refused at their field rather than ignored,
 * and a results page that reads on a 390 px phone. Against the API and in headless Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrySearchIT {
  private static final String NCT = "NCT09990001";
  private static final String EUDRACT = "2026-000123-45";
  private static final String ACRONYM = "STRIDE-9";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  private ApiClient api;
  private Browser browser;
  private static String strokeTrial;
  private static String otherTrial;

  @BeforeEach
  void open() throws Exception {
    api = new ApiClient(base);
    browser = new Browser(base.toString());
    if (strokeTrial == null) {
      strokeTrial =
          publish(
              "Walking after a stroke",
              ACRONYM,
              List.of("Ischaemic stroke"),
              List.of(
                  Map.of("issuer", "ClinicalTrials.gov", "id", NCT),
                  Map.of("issuer", "EudraCT", "id", EUDRACT)));
      // another trial whose text mentions the first one's numbers: it may match, but after it
      otherTrial =
          publish(
              "Follow-up of " + ACRONYM + " " + NCT + " participants",
              null,
              List.of("Stroke rehabilitation"),
              List.of());
    }
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void identifiersAreExactMatchesRankedFirst() {
    for (String query :
        List.of(
            strokeTrial,
            strokeTrial.toLowerCase(),
            NCT.toLowerCase(),
            EUDRACT,
            ACRONYM,
            " " + NCT + " ")) {
      List<String> ids = ids(search("q=" + enc(query)));
      assertFalse(ids.isEmpty(), query + " finds nothing");
      assertEquals(strokeTrial, ids.get(0), query + " ranks its trial first: " + ids);
    }
    assertTrue(ids(search("q=TLR-99999999-9")).isEmpty(), "an unknown id finds nothing");
  }

  @Test
  void pluralsFindTheSingularAndTheCountSaysSo() {
    List<String> ids = ids(search("q=strokes"));
    assertTrue(ids.containsAll(List.of(strokeTrial, otherTrial)), ids.toString());
    Map<String, Object> page = RegistryApiIT.json(api.get("/api/trials?q=" + enc(EUDRACT)));
    assertEquals(1L, ((Number) page.get("total")).longValue(), page.toString());
    assertEquals(Boolean.TRUE, page.get("totalExact"));
  }

  @Test
  void filtersThatCannotBeUsedAreProblemsAtTheirField() {
    assertProblem(api.get("/api/trials?startFrom=2026-13-45"), "startFrom");
    assertProblem(api.get("/api/trials?startTo=yesterday"), "startTo");
    assertProblem(api.get("/api/trials?country=Germany"), "country");
    assertProblem(api.get("/api/trials?offset=5000"), "offset");
    assertProblem(api.get("/api/trials?limit=0"), "limit");
  }

  @Test
  void thePageFindsAnIdAndSaysOneTrialNotOneTrials() {
    browser.open("/registry/index.xhtml");
    WebElement q = browser.driver().findElement(By.id("search:q"));
    q.sendKeys(strokeTrial.toLowerCase());
    browser.driver().findElement(By.id("search:go")).click();
    browser.waitFor(By.id("resultCount"));
    assertTrue(browser.driver().getCurrentUrl().contains("q="), "the search is a link");
    List<WebElement> cards = browser.driver().findElements(By.cssSelector("#results .tl-card"));
    assertFalse(cards.isEmpty());
    assertTrue(cards.get(0).getText().contains(strokeTrial), cards.get(0).getText());
    browser.open("/registry/index.xhtml?q=" + enc(EUDRACT));
    assertEquals("1 trial", browser.text(By.id("resultCount")));
    browser.open("/registry/index.xhtml?q=strokes&sort=TITLE&country=DE");
    assertTrue(browser.text(By.id("resultCount")).matches("\\d+ trials?.*"));
    assertEquals("DE", selected("search:country"), "the chosen filters are kept");
    assertEquals("TITLE", selected("search:sort"));
  }

  /** Issue 17 finding 3: "2027-02" was shown as "2027-02-01", a day nobody registered. */
  @Test
  void aMonthStartDateStaysAMonthInResults() {
    Map<String, Object> page = RegistryApiIT.json(api.get("/api/trials?q=" + enc(EUDRACT)));
    Map<?, ?> first = (Map<?, ?>) ((List<?>) page.get("rows")).get(0);
    assertEquals("2026-03", first.get("startDate"), first.toString());
    browser.open("/registry/index.xhtml?q=" + enc(EUDRACT));
    String card = browser.text(By.cssSelector("#results .tl-card"));
    assertTrue(card.contains("starts 2026-03") && !card.contains("2026-03-01"), card);
  }

  @Test
  void anInvalidDateIsNamedAtItsFieldNotIgnored() {
    browser.open("/registry/index.xhtml");
    browser.driver().findElement(By.cssSelector("#filters > summary")).click();
    WebElement from = browser.driver().findElement(By.id("search:from"));
    from.sendKeys("2026-13-45");
    browser.driver().findElement(By.id("search:go")).click();
    browser.waitFor(By.id("search:fromMsg"));
    assertTrue(browser.text(By.id("search:fromMsg")).contains("YYYY-MM-DD"));
    assertEquals(
        "true", browser.driver().findElement(By.id("search:from")).getAttribute("aria-invalid"));
    assertEquals(
        "2026-13-45",
        browser.driver().findElement(By.id("search:from")).getAttribute("value"),
        "what was typed stays");
    assertFalse(browser.present(By.id("results")), "no results that pretend the filter applied");
    assertTrue(browser.present(By.id("searchRefused")));
    Pages.assertNoStackTrace(browser.driver().getPageSource());
  }

  @Test
  void theCountryMenuDoesNotOverlapTheSponsorField() {
    browser.open("/registry/index.xhtml?country=DE");
    for (int width : List.of(1280, 900, 390)) {
      browser.driver().manage().window().setSize(new Dimension(width, 900));
      Map<String, Object> country = rect("search:country");
      Map<String, Object> sponsor = rect("search:sponsor");
      assertFalse(overlap(country, sponsor), width + " px: " + country + " overlaps " + sponsor);
    }
  }

  @Test
  void onAPhoneResultsAreCardsWithoutSidewaysScrollingAndNearTheTop() {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/registry/index.xhtml?q=stroke");
    browser.waitFor(By.id("resultCount"));
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    long scrollWidth =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
    assertTrue(scrollWidth <= viewport, "sideways scrolling: " + scrollWidth + " > " + viewport);
    WebElement card = browser.driver().findElement(By.cssSelector("#results .tl-card"));
    assertTrue(card.getSize().getWidth() >= 300, "a card is " + card.getSize());
    long top =
        ((Number) js.executeScript("return arguments[0].getBoundingClientRect().top", card))
            .longValue();
    assertTrue(top < 700, "the first result starts " + top + " px down");
  }

  @Test
  void theRegulatorsListOfEveryTrialShowsTitlesAndSponsorsAndFinds() {
    HttpResponse<String> draft =
        api.postJson(
            "/api/trials",
            "{\"publicTitle\":\"Unpublished draft about gout\"}",
            "sponsor",
            "sponsor-demo-pw");
    String draftId = (String) RegistryApiIT.json(draft).get("registryId");
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/review/workspace.xhtml");
    String table = browser.text(By.id("workspace:trials"));
    assertTrue(table.contains("Walking after a stroke"), table);
    assertTrue(table.contains("Unpublished draft about gout"), "a draft's title: " + table);
    assertTrue(table.contains("Helix Therapeutics"), "the sponsor: " + table);
    WebElement filter = browser.driver().findElement(By.id("workspace:filter"));
    filter.sendKeys("draft about");
    browser.driver().findElement(By.id("workspace:find")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(20))
        .until(d -> !d.findElement(By.id("workspace:trials")).getText().contains(strokeTrial));
    assertTrue(browser.text(By.id("workspace:trials")).contains(draftId));
  }

  private String publish(
      String title, String acronym, List<String> conditions, List<Map<String, String>> secondary)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode record = (ObjectNode) json.readTree(RegistryFixtures.completeRecordJson());
    record.put("publicTitle", title);
    if (acronym == null) record.remove("acronym");
    else record.put("acronym", acronym);
    record.set("conditions", json.valueToTree(conditions));
    record.set("secondaryIds", json.valueToTree(secondary));
    HttpResponse<String> created =
        api.postJson("/api/trials", json.writeValueAsString(record), "sponsor", "sponsor-demo-pw");
    assertEquals(201, created.statusCode(), created.body());
    String id = (String) RegistryApiIT.json(created).get("registryId");
    HttpResponse<String> submitted =
        api.postJson("/api/trials/" + id + "/submit", "{}", "sponsor", "sponsor-demo-pw");
    assertEquals(201, submitted.statusCode(), submitted.body());
    HttpResponse<String> published =
        api.postJson(
            "/api/trials/" + id + "/versions/1/publish", "", "regulator", "regulator-demo-pw");
    assertEquals(200, published.statusCode(), published.body());
    return id;
  }

  private String search(String query) {
    HttpResponse<String> r = api.get("/api/trials?" + query);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(String body) {
    Map<String, Object> page = (Map<String, Object>) JsonParser.parse(body);
    return ((List<Object>) page.get("rows"))
        .stream().map(r -> (String) ((Map<String, Object>) r).get("registryId")).toList();
  }

  private static void assertProblem(HttpResponse<String> r, String field) {
    assertTrue(r.statusCode() == 400 || r.statusCode() == 422, r.statusCode() + " " + r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        r.headers().toString());
    assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
    Pages.assertNoStackTrace(r.body());
  }

  private String selected(String id) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.getElementById(arguments[0]).value", id);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rect(String id) {
    return (Map<String, Object>)
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};",
                id);
  }

  private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
    return n(a, "left") < n(b, "right")
        && n(b, "left") < n(a, "right")
        && n(a, "top") < n(b, "bottom")
        && n(b, "top") < n(a, "bottom");
  }

  private static double n(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
