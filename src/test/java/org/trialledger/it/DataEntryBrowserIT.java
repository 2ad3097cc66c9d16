package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Everyday data entry in Chromium (issue 17): an administrator's unlock, a registration draft that
 * keeps every valid value when one is wrong, the sponsor's credential upload, and the site's
 * subject page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataEntryBrowserIT {

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

  /**
   * Issue 17 finding 1: "Unlock" ran the new-user form's required checks on the same page and the
   * account stayed locked.
   */
  @Test
  void anAdministratorUnlocksALockedAccountFromThePage() {
    long site = SiteIT.organisation(api, "St. Mary's Hospital Research Unit");
    HttpResponse<String> created =
        api.postJson(
            "/api/admin/users",
            "{\"username\":\"locked.out\",\"fullName\":\"Lou Locked\",\"password\":\"locked-out-pw-1\","
                + "\"organisationId\":"
                + site
                + ",\"role\":\"SITE\"}",
            "admin",
            "admin-demo-pw");
    assertEquals(201, created.statusCode(), created.body());
    for (int i = 0; i < 6; i++) api.get("/api/me", "locked.out", "wrong-" + i);
    assertEquals(429, api.get("/api/me", "locked.out", "locked-out-pw-1").statusCode(), "locked");

    browser.login("admin", "admin-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/admin/users.xhtml");
    By unlock =
        By.xpath("//tr[td[normalize-space()='locked.out']]//button[contains(@id,':unlock')]");
    browser.waitFor(unlock);
    click(browser.driver().findElement(unlock));
    waitForText(By.id("admin:messages"), "Account locked.out unlocked");
    String messages = browser.text(By.id("admin:messages"));
    assertFalse(messages.contains("required"), messages);
    assertFalse(browser.present(unlock), "the button is gone with the lock");
    assertEquals(200, api.get("/api/me", "locked.out", "locked-out-pw-1").statusCode());
  }

  /**
   * Issue 17 finding 2: one invalid value threw the whole draft away. Three good values and one bad
   * one: after saving and opening the page again, the good ones are stored, the bad one is still in
   * its input as typed, with its message at the field and in the summary at the top.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "publicContactEmail, not-an-e-mail, Not a valid e-mail address",
    "minimumAge,         N/A,           Write an age as a number and a unit",
    "completionDate,     2027-13,       Not a real calendar date"
  })
  void aDraftSavesWhatIsValidAndKeepsWhatIsNotAtItsField(
      String badInput, String badText, String message) {
    String id =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials",
                        "{\"publicTitle\":\"Partial saves\"}",
                        "sponsor",
                        "sponsor-demo-pw"))
                .get("registryId");
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/edit.xhtml?id=" + id);
    browser.waitFor(By.id("draft:save"));
    assertFalse(dirty(), "nothing changed yet");
    type("draft:acronym", "PARTIAL");
    type("draft:primarySponsor", "Helix Therapeutics");
    type("draft:publicContactName", "Dr. Ada Field");
    type("draft:" + badInput, badText);
    assertTrue(dirty(), "leaving now would lose what was typed: the page warns");
    click(browser.driver().findElement(By.id("draft:save")));
    waitForText(By.id("draft:" + badInput + "Msg"), message);
    assertTrue(browser.text(By.id("draft:messages")).contains("Draft saved except 1 value"));
    assertFalse(dirty(), "everything typed is on the server now");

    browser.open("/sponsor/edit.xhtml?id=" + id);
    browser.waitFor(By.id("draft:save"));
    assertEquals("PARTIAL", valueOf("draft:acronym"));
    assertEquals("Helix Therapeutics", valueOf("draft:primarySponsor"));
    assertEquals("Dr. Ada Field", valueOf("draft:publicContactName"));
    assertEquals(badText, valueOf("draft:" + badInput), "the refused value is kept as typed");
    assertTrue(browser.text(By.id("draft:" + badInput + "Msg")).contains(message));
    WebElement bad = browser.driver().findElement(By.id("draft:" + badInput));
    assertEquals("true", bad.getAttribute("aria-invalid"));
    assertTrue(
        bad.getAttribute("aria-describedby").contains("draft:" + badInput + "Msg"),
        bad.getAttribute("aria-describedby"));
    WebElement link = browser.driver().findElement(By.cssSelector("#draft\\:refused a"));
    assertTrue(link.getAttribute("href").endsWith("#draft:" + badInput), link.getAttribute("href"));
    assertTrue(link.getText().contains(message), link.getText());

    Map<?, ?> stored =
        RegistryApiIT.json(api.get("/api/trials/" + id + "/draft", "sponsor", "sponsor-demo-pw"));
    assertEquals("PARTIAL", stored.get("acronym"));
    assertEquals("Helix Therapeutics", stored.get("primarySponsor"));
    assertEquals("Dr. Ada Field", ((Map<?, ?>) stored.get("publicContact")).get("name"));
    assertFalse(stored.toString().contains(badText), "the refused value is not in the draft");

    // corrected, the value is saved and the marks go
    type("draft:" + badInput, "");
    click(browser.driver().findElement(By.id("draft:save")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("draft:refused")));
    assertEquals("Draft saved", browser.text(By.id("draft:messages")).strip());
    assertFalse(
        browser
            .driver()
            .findElement(By.id("draft:" + badInput))
            .getAttribute("class")
            .contains("ui-state-error"));
    Pages.assertNoStackTrace(browser.driver().getPageSource());
  }

  /**
   * Issue 17 finding 5: the upload said "That site is not activated" under the table that showed it
   * was, until the Site menu was changed and changed back.
   */
  @Test
  void aCredentialIsFiledForTheSiteTheMenuShows() throws Exception {
    String trial = SiteIT.publishedTrial(api);
    long site = SiteIT.organisation(api, "Nordic Clinical Research Centre");
    assertEquals(
        201,
        api.postJson(
                "/api/trials/" + trial + "/site/activations",
                "{\"siteOrganisationId\":" + site + ",\"principalInvestigator\":\"Dr. Nils Berg\"}",
                "sponsor",
                "sponsor-demo-pw")
            .statusCode());
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/sites.xhtml?id=" + trial);
    browser.waitFor(By.id("credentials:credentialUpload_input"));
    assertTrue(
        browser
            .text(By.id("credentials:credentialSite"))
            .contains("Nordic Clinical Research Centre"));
    Path pdf = Files.createTempFile("cv", ".pdf");
    Files.write(pdf, VerificationIT.pdf("CV of Dr. Berg"));
    browser
        .driver()
        .findElement(By.id("credentials:credentialUpload_input"))
        .sendKeys(pdf.toString());
    waitForText(By.id("credentials:credentialMessages"), "Credential filed");
    assertFalse(browser.text(By.id("credentials:credentialMessages")).contains("not activated"));
    waitForText(By.id("sites:activations"), "cv");
  }

  private boolean dirty() {
    Object prevented =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var e = new Event('beforeunload', {cancelable: true});"
                    + "window.dispatchEvent(e); return e.defaultPrevented;");
    return Boolean.TRUE.equals(prevented);
  }

  private String valueOf(String id) {
    return browser.driver().findElement(By.id(id)).getAttribute("value");
  }

  private void type(String id, String text) {
    WebElement e = browser.driver().findElement(By.id(id));
    e.clear();
    if (!text.isEmpty()) e.sendKeys(text);
    else e.sendKeys(" \b");
  }

  private void click(WebElement e) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  private void waitForText(By locator, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .withMessage(() -> browser.driver().findElement(By.tagName("body")).getText())
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }
}
