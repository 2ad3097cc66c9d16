package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialledger.registry.domain.RegistryFixtures;

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

    WebElement bad = browser.driver().findElement(By.id("draft:" + badInput));
    assertEquals(badText, bad.getAttribute("value"), "the refused value stays as typed");
    assertEquals("true", bad.getAttribute("aria-invalid"));
    assertTrue(
        bad.getAttribute("aria-describedby").contains("draft:" + badInput + "Msg"),
        bad.getAttribute("aria-describedby"));
    WebElement link = browser.driver().findElement(By.cssSelector("#draft\\:refused a"));
    assertTrue(link.getAttribute("href").endsWith("#draft:" + badInput), link.getAttribute("href"));
    assertTrue(link.getText().contains(message), link.getText());
    if (badInput.equals("publicContactEmail"))
      screens("edit-with-error", "draft:publicContactEmail");

    // opened again: the valid values were stored
    browser.open("/sponsor/edit.xhtml?id=" + id);
    browser.waitFor(By.id("draft:save"));
    assertEquals("PARTIAL", valueOf("draft:acronym"));
    assertEquals("Helix Therapeutics", valueOf("draft:primarySponsor"));
    assertEquals("Dr. Ada Field", valueOf("draft:publicContactName"));
    assertEquals(badText, valueOf("draft:" + badInput), "the refused value is shown again");
    assertEquals(
        "true",
        browser.driver().findElement(By.id("draft:" + badInput)).getAttribute("aria-invalid"));

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
    waitForText(By.id("draft:messages"), "Draft saved");
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
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.id("credentials:credentialUpload_input")));
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

  /**
   * Issue 17 finding 4: site forms. Dates start empty and take typed ISO dates as typed; impossible
   * and future dates are refused with the field's label; three clicks save one adverse event; the
   * Outcome menu stays clear of "Kind"; no message names a component id or an internal field.
   */
  @Test
  void theSubjectPageEntersDataLikeAnEdc() {
    String trial = longOutcomeTrial();
    long site = SiteIT.organisation(api, "St. Mary's Hospital Research Unit");
    assertEquals(
        201,
        api.postJson(
                "/api/trials/" + trial + "/site/activations",
                "{\"siteOrganisationId\":"
                    + site
                    + ",\"principalInvestigator\":\"Dr. Amara Okafor\"}",
                "sponsor",
                "sponsor-demo-pw")
            .statusCode());
    HttpResponse<String> form =
        api.postBytes(
            "/api/trials/" + trial + "/site/consent-forms?label=v1.0&language=en&fileName=icf.pdf",
            "application/pdf",
            VerificationIT.pdf("consent form of " + trial),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, form.statusCode(), form.body());
    long formId = ((Number) RegistryApiIT.json(form).get("id")).longValue();
    HttpResponse<String> enrolled =
        api.postJson("/api/trials/" + trial + "/site/subjects", "", "site1", "site1-demo-pw");
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    String subject = (String) RegistryApiIT.json(enrolled).get("pseudonym");
    HttpResponse<String> consented =
        api.postJson(
            "/api/subjects/" + subject + "/consents",
            "{\"consentFormId\":"
                + formId
                + ",\"event\":\"CONSENTED\",\"occurredAt\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"username\":\"site1\",\"password\":\"site1-demo-pw\"}",
            "site1",
            "site1-demo-pw");
    assertEquals(201, consented.statusCode(), consented.body());

    browser.login("site1", "site1-demo-pw");
    browser.waitFor(By.id("currentUser"));

    // enrolment: impossible and future birth dates are refused, by the field's name
    browser.open("/site/index.xhtml");
    browser.waitFor(By.id("site:enrol"));
    selectValue("site:trial", trial);
    type("site:birthDate", "1975-02-30");
    assertEquals("1975-02-30", valueOf("site:birthDate"), "typed as typed");
    clickAndWait("site:enrol", "site:messages", "Birth date");
    waitForText(By.id("site:messages"), "1975-02-30 is not a real calendar date");
    type("site:birthDate", LocalDate.now().plusYears(4).toString());
    clickAndWait("site:enrol", "site:messages", "A birth date cannot be in the future");
    assertFalse(browser.present(By.id("newPseudonym")), "nobody was enrolled");

    browser.open("/site/subject.xhtml?p=" + subject);
    browser.waitFor(By.id("subject:saveAe"));
    for (String date : new String[] {"occurredAt", "observedOn", "aeOnset", "aeEnd"})
      assertEquals("", valueOf("subject:" + date), date + " starts empty, not today");

    // the sweep: every form of the page sent empty answers in words, by the fields' labels
    for (String button : new String[] {"subject:sign", "subject:saveResult", "subject:saveAe"})
      clickAndCollect(button, "subject:messages");

    // Outcome and Kind side by side, not on top of each other
    Object overlap =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var a = document.getElementById('subject:outcome').getBoundingClientRect();"
                    + "var b = document.getElementById('subject:valueType').getBoundingClientRect();"
                    + "return !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);");
    assertEquals(Boolean.FALSE, overlap, "the Outcome menu overlaps Kind");

    // a result with an impossible date is refused by the field's name; today's button fills it in
    type("subject:visit", "Week 2");
    type("subject:value", "3");
    type("subject:observedOn", "2026-13-01");
    clickAndWait(
        "subject:saveResult",
        "subject:messages",
        "Observed on: 2026-13-01 is not a real calendar date");
    browser.driver().findElement(By.cssSelector("[data-tl-today='subject:observedOn']")).click();
    assertEquals(LocalDate.now().toString(), valueOf("subject:observedOn"));
    clickAndWait("subject:saveResult", "subject:messages", "Result saved");

    // an adverse event without an onset is refused, not dated today
    String onset = LocalDate.now().minusDays(3).toString();
    type("subject:aeTerm", "Nausea");
    selectValue("subject:aeSeverity", "MILD");
    selectValue("subject:aeOutcome", "RECOVERING_RESOLVING");
    selectValue("subject:aeRelatedness", "POSSIBLY_RELATED");
    clickAndWait("subject:saveAe", "subject:messages", "Onset: Required");
    type("subject:aeOnset", onset);
    assertEquals(onset, valueOf("subject:aeOnset"), "typing is not mixed with another date");
    clickAndWait("subject:saveAe", "subject:messages", "saved");
    clickAndWait("subject:saveAe", "subject:messages", "saved");
    WebElement save = browser.driver().findElement(By.id("subject:saveAe"));
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block:'center'});"
                + "document.getElementById('subject:messages').innerHTML = '';",
            save);
    new Actions(browser.driver()).doubleClick(save).perform();
    waitForText(By.id("subject:messages"), "saved");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
    assertEquals(1, adverseEventVersions(subject), "three clicks, one adverse event");

    // adverse events are a list of records: edit one in place (no id typed), with a reason
    waitForText(By.id("subject:aeList"), "Nausea");
    assertEquals(
        1, browser.driver().findElements(By.cssSelector("#subject\\:aeList_data > tr")).size());
    click(browser.driver().findElement(By.id("subject:aeList:0:aeEdit")));
    waitForAjax();
    waitForText(By.id("aeFormTitle"), "Correct AE-");
    assertEquals("Nausea", valueOf("subject:aeTerm"), "the form shows the event to correct");
    type("subject:aeTerm", "Nausea and vomiting");
    clickAndWait("subject:saveAe", "subject:messages", "Reason for change");
    assertEquals(1, adverseEventVersions(subject), "no correction without a reason");
    type("subject:aeReason", "Vomiting reported at the week 2 visit");
    clickAndWait("subject:saveAe", "subject:messages", "saved");
    assertEquals(2, adverseEventVersions(subject), "the correction is the event's second version");
    waitForText(By.id("subject:aeList"), "Nausea and vomiting");
    assertEquals(
        1,
        browser.driver().findElements(By.cssSelector("#subject\\:aeList_data > tr")).size(),
        "one event, two versions");
    click(browser.driver().findElement(By.id("subject:aeList:0:aeHistory")));
    waitForAjax();
    waitForText(By.id("subject:aeVersions"), "Vomiting reported at the week 2 visit");
    assertEquals(
        2,
        browser
            .driver()
            .findElements(By.cssSelector("#subject\\:aeVersionTable_data > tr"))
            .size());
    click(browser.driver().findElement(By.id("subject:newAe")));
    waitForAjax();
    waitForText(By.id("aeFormTitle"), "Report a new adverse event");
    assertEquals("", valueOf("subject:aeTerm"));

    // consent again on the form already consented to: refused without a reason, kept with one
    clickNow("subject:occurredAt");
    sign();
    clickAndWait("subject:sign", "subject:messages", "to record it again, give the reason");
    clickNow("subject:occurredAt");
    type("subject:consentReason", "Re-consented after the information sheet was re-read");
    sign();
    clickAndWait("subject:sign", "subject:messages", "Consent recorded and signed");

    // end of participation: a discontinuation needs its reason; the page then says it is recorded
    assertTrue(browser.text(By.id("disposition")).contains("still taking part"));
    selectValue("subject:dispositionStatus", "DISCONTINUED");
    browser
        .driver()
        .findElement(By.cssSelector("[data-tl-today='subject:dispositionDate']"))
        .click();
    clickAndWait("subject:saveDisposition", "subject:messages", "Give the reason");
    selectValue("subject:dispositionReason", "LOST_TO_FOLLOW_UP");
    click(browser.driver().findElement(By.id("subject:saveDisposition")));
    waitForText(By.id("disposition"), "Discontinued: Lost to Follow-up");
    waitForText(By.id("subject:history"), "End of participation");

    for (String m : messages)
      assertFalse(
          INTERNAL.matcher(m).find(), "a message names an internal field or component: " + m);
    Pages.assertNoStackTrace(browser.driver().getPageSource());
    screens("site-subject", "subject:aeList");
  }

  /**
   * Issue 17 finding 6: a consent form was published on choosing its PDF (the same v1.0 (en)
   * twice), summary results went public unseen, and withdrawing had no button. Each now shows what
   * becomes public and waits for a confirmation; duplicates are refused by the service, not only
   * the page.
   */
  @Test
  void whatCannotBeUndoneIsPreviewedAndConfirmedAndNotRepeated() throws Exception {
    String trial = SiteIT.publishedTrial(api);
    long site = SiteIT.organisation(api, "St. Mary's Hospital Research Unit");
    assertEquals(
        201,
        api.postJson(
                "/api/trials/" + trial + "/site/activations",
                "{\"siteOrganisationId\":"
                    + site
                    + ",\"principalInvestigator\":\"Dr. Amara Okafor\"}",
                "sponsor",
                "sponsor-demo-pw")
            .statusCode());
    assertEquals(
        201,
        api.postJson("/api/trials/" + trial + "/site/subjects", "", "site1", "site1-demo-pw")
            .statusCode());
    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/sites.xhtml?id=" + trial);
    browser.waitFor(By.id("sites:previewSummary"));

    // consent form: choosing the PDF shows what will be published, and publishes nothing
    Path pdf = Files.createTempFile("icf", ".pdf");
    Files.write(pdf, VerificationIT.pdf("informed consent form v1.0"));
    browser.driver().findElement(By.id("forms:formUpload_input")).sendKeys(pdf.toString());
    waitForText(By.id("forms:formPreview"), "v1.0 (en)");
    assertTrue(browser.text(By.id("forms:formPreview")).contains("For protocol version"));
    assertEquals(0, consentForms(), "choosing the PDF published nothing");
    clickAndWait("forms:publishForm", "forms:formMessages", "Consent form v1.0 (en) published");
    assertEquals(1, consentForms());
    // the same version and language again: shown as a duplicate, and refused
    browser.driver().findElement(By.id("forms:formUpload_input")).sendKeys(pdf.toString());
    waitForText(By.id("forms:formDuplicate"), "already published");
    clickAndWait("forms:publishForm", "forms:formMessages", "already published");
    assertEquals(1, consentForms(), "one v1.0 (en), not two");
    HttpResponse<String> again =
        api.postBytes(
            "/api/trials/" + trial + "/site/consent-forms?label=V1.0&language=en&fileName=icf.pdf",
            "application/pdf",
            VerificationIT.pdf("another v1.0"),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(409, again.statusCode(), "the service refuses it too: " + again.body());
    click(browser.driver().findElement(By.id("forms:discardForm")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("forms:formPreview")));

    // summary results: a preview first, nothing public until confirmed; the same figures twice
    // refused
    clickAndWait("sites:previewSummary", "sites:summaryPreview", "1 enrolled");
    assertEquals(
        404,
        api.get("/api/trials/" + trial + "/site/summary-results").statusCode(),
        "previewing published nothing");
    clickAndWait("sites:publishSummary", "sites:messages", "Summary results version 1 published");
    assertEquals(200, api.get("/api/trials/" + trial + "/site/summary-results").statusCode());
    clickAndWait("sites:previewSummary", "sites:summaryRepeats", "published version 1");
    assertFalse(
        browser.driver().findElement(By.id("sites:publishSummary")).isEnabled(),
        "nothing new to publish");
    HttpResponse<String> repeat =
        api.postJson(
            "/api/trials/" + trial + "/site/summary-results", "", "sponsor", "sponsor-demo-pw");
    assertEquals(409, repeat.statusCode(), repeat.body());

    // withdrawing: a button, a reason, a preview of what the public page will say, a confirmation
    browser.open("/sponsor/edit.xhtml?id=" + trial);
    browser.waitFor(By.id("withdraw:withdrawTrial"));
    clickAndWait("withdraw:withdrawTrial", "withdraw:withdrawMessages", "Reason for withdrawing");
    type("withdraw:withdrawReason", "The sponsor stopped the programme");
    click(browser.driver().findElement(By.id("withdraw:withdrawTrial")));
    waitForText(By.id("withdrawPreviewReason"), "The sponsor stopped the programme");
    assertEquals(
        "PUBLISHED",
        RegistryApiIT.json(api.get("/api/trials/" + trial)).get("status"),
        "the preview changed nothing");
    clickAndWait("withdraw:withdrawConfirm", "withdraw:withdrawMessages", "withdrawn");
    assertEquals("WITHDRAWN", RegistryApiIT.json(api.get("/api/trials/" + trial)).get("status"));
    assertFalse(browser.present(By.id("withdraw:withdrawTrial")), "withdrawn once");

    for (String m : messages)
      assertFalse(
          INTERNAL.matcher(m).find(), "a message names an internal field or component: " + m);
    Pages.assertNoStackTrace(browser.driver().getPageSource());
  }

  /**
   * Issue 17 finding 6: "Return to sponsor" acted at once. It now asks, saying what the sponsor
   * receives; "No" leaves the version under review.
   */
  @Test
  void returningAVersionAsksFirst() {
    String id = SiteIT.submittedTrial(api);
    assertEquals(
        201,
        api.postJson(
                "/api/trials/" + id + "/versions/1/comments",
                "{\"severity\":\"MAJOR\",\"body\":\"State the primary outcome's time frame\"}",
                "regulator",
                "regulator-demo-pw")
            .statusCode());
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/review/version.xhtml?id=" + id + "&v=1");
    browser.waitFor(By.id("review:return"));
    String state = browser.text(By.id("versionState"));
    click(browser.driver().findElement(By.id("review:return")));
    waitForText(By.cssSelector(".ui-confirm-dialog"), "Return version 1 to the sponsor?");
    assertTrue(browser.text(By.cssSelector(".ui-confirm-dialog")).contains("1 major"));
    click(browser.driver().findElement(By.id("review:confirmNo")));
    browser.open("/review/version.xhtml?id=" + id + "&v=1");
    browser.waitFor(By.id("review:return"));
    assertEquals(state, browser.text(By.id("versionState")), "No changed nothing");
    click(browser.driver().findElement(By.id("review:return")));
    waitForText(By.cssSelector(".ui-confirm-dialog"), "Return version 1 to the sponsor?");
    click(browser.driver().findElement(By.id("review:confirmYes")));
    waitForText(By.id("versionState"), "eturned");
  }

  private int consentForms() {
    return browser
        .driver()
        .findElements(
            By.cssSelector("#forms\\:formList_data > tr:not(.ui-datatable-empty-message)"))
        .size();
  }

  /**
   * axe-core on every page this work touched, in the states a user meets (a refused value shown at
   * its field, a subject with records): no serious or critical violation of WCAG 2.1 AA.
   */
  @Test
  void thePagesOfDataEntryHaveNoSeriousAccessibilityViolations() {
    List<String> violations = new ArrayList<>();
    String draft =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials", "{\"publicTitle\":\"Axe\"}", "sponsor", "sponsor-demo-pw"))
                .get("registryId");
    String trial = SiteIT.publishedTrial(api);
    long site = SiteIT.organisation(api, "St. Mary's Hospital Research Unit");
    api.postJson(
        "/api/trials/" + trial + "/site/activations",
        "{\"siteOrganisationId\":" + site + ",\"principalInvestigator\":\"Dr. Amara Okafor\"}",
        "sponsor",
        "sponsor-demo-pw");
    String subject =
        (String)
            RegistryApiIT.json(
                    api.postJson(
                        "/api/trials/" + trial + "/site/subjects", "", "site1", "site1-demo-pw"))
                .get("pseudonym");

    browser.login("admin", "admin-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/admin/users.xhtml");
    browser.waitFor(By.id("admin:users"));
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    violations.addAll(Accessibility.sidewaysScrollingOnAPhone(browser.driver()));
    browser.logout();

    browser.login("sponsor", "sponsor-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/sponsor/edit.xhtml?id=" + draft);
    browser.waitFor(By.id("draft:save"));
    type("draft:publicContactEmail", "not-an-e-mail");
    click(browser.driver().findElement(By.id("draft:save")));
    waitForText(By.id("draft:publicContactEmailMsg"), "Not a valid e-mail address");
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    violations.addAll(Accessibility.sidewaysScrollingOnAPhone(browser.driver()));
    browser.open("/sponsor/sites.xhtml?id=" + trial);
    browser.waitFor(By.id("sites:activations"));
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    violations.addAll(Accessibility.sidewaysScrollingOnAPhone(browser.driver()));
    browser.logout();

    browser.login("site1", "site1-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/site/index.xhtml");
    browser.waitFor(By.id("site:enrol"));
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    violations.addAll(Accessibility.sidewaysScrollingOnAPhone(browser.driver()));
    browser.open("/site/subject.xhtml?p=" + subject);
    browser.waitFor(By.id("subject:saveAe"));
    violations.addAll(Accessibility.seriousViolations(browser.driver()));
    violations.addAll(Accessibility.sidewaysScrollingOnAPhone(browser.driver()));

    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  /** Component ids and record field names that no person should read in a message. */
  private static final Pattern INTERNAL =
      Pattern.compile(
          "j_id|occurredAt|signature\\.|signedAt|onsetDate|endDate|observedOn|birthDate|body:|subject:|site:|reasonForChange");

  private final List<String> messages = new ArrayList<>();

  private void sign() {
    if (browser.present(By.id("subject:signUsername"))) type("subject:signUsername", "site1");
    type("subject:signPassword", "site1-demo-pw");
  }

  private void screens(String name, String elementId) {
    Screenshots.save(browser.driver(), name, elementId);
  }

  /** Waits until PrimeFaces has no request in flight (the form is drawn again after it). */
  private void waitForAjax() {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
  }

  private void clickNow(String input) {
    browser.driver().findElement(By.cssSelector("[data-tl-now='" + input + "']")).click();
  }

  private int adverseEventVersions(String subject) {
    Map<?, ?> s = RegistryApiIT.json(api.get("/api/subjects/" + subject, "site1", "site1-demo-pw"));
    return (int)
        ((List<?>) s.get("records"))
            .stream()
                .map(r -> (Map<?, ?>) r)
                .filter(r -> "ADVERSE_EVENT".equals(r.get("kind")))
                .count();
  }

  /** A published trial whose first outcome measure has a long name, as real ones do. */
  private String longOutcomeTrial() {
    String json =
        RegistryFixtures.completeRecordJson()
            .replace(
                "PASI 75 response",
                "Proportion of participants achieving at least a 75 percent improvement in the"
                    + " Psoriasis Area and Severity Index from baseline at week 16");
    String id =
        (String)
            RegistryApiIT.json(api.postJson("/api/trials", json, "sponsor", "sponsor-demo-pw"))
                .get("registryId");
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

  /** Empties the messages, clicks, and waits until they say {@code text}; keeps what they said. */
  private void clickAndWait(String button, String messagesId, String text) {
    waitForAjax(); // a menu's change request still in flight would redraw the messages after us
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var e = document.getElementById(arguments[0]); if (e) e.innerHTML = '';", messagesId);
    click(browser.driver().findElement(By.id(button)));
    waitForText(By.id(messagesId), text);
    messages.add(browser.text(By.id(messagesId)));
  }

  /** Empties the messages, clicks, and keeps whatever they then say (for the sweep). */
  private void clickAndCollect(String button, String messagesId) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0]).innerHTML = '';", messagesId);
    click(browser.driver().findElement(By.id(button)));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> !d.findElement(By.id(messagesId)).getText().isBlank());
    messages.add(browser.text(By.id(messagesId)));
  }

  /** Chooses in a PrimeFaces menu as a click does: selectValue is silent, so fire its change. */
  private void selectValue(String id, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);"
                + "if (w.hasBehavior('change')) w.callBehavior('change');",
            id,
            value);
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
