package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialledger.ledger.json.JsonParser;

/**
 * A person in headless Chromium: logging in through the real form, menus per role, admin pages,
 * errors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(base.toString());
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @ParameterizedTest(name = "{0} sees the {2} menu")
  @CsvSource({
    "admin,     admin-demo-pw,     ADMIN,     true",
    "sponsor,   sponsor-demo-pw,   SPONSOR,   false",
    "site1,     site1-demo-pw,     SITE,      false",
    "regulator, regulator-demo-pw, REGULATOR, false"
  })
  void eachDemoUserLogsInThroughTheFormAndSeesTheirMenu(
      String user, String password, String role, boolean admin) {
    browser.login(user, password);
    assertEquals(user, browser.text(By.id("currentUser")));
    browser.open("/account.xhtml");
    assertTrue(browser.text(By.id("roles")).contains(role), "the account page shows the role");
    assertTrue(browser.present(By.id("nav:menuAccount")));
    assertEquals(
        admin, browser.present(By.id("nav:menuAdmin")), "the administration menu only for admins");
    browser.logout();
    assertFalse(browser.present(By.id("currentUser")));
  }

  @Test
  void aWrongPasswordShowsAMessageAndNoSession() {
    browser.login("sponsor", "wrong-password");
    assertTrue(
        browser.text(By.id("login:messages")).contains("Unknown username or wrong password"));
    assertFalse(browser.present(By.id("currentUser")));
  }

  @Test
  void aSiteUserSeesTheFriendly403PageForAdministration() {
    browser.login("site1", "site1-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/admin/users.xhtml");
    assertTrue(browser.text(By.id("error-403")).contains("Not permitted"));
    Pages.assertNoStackTrace(browser.driver().getPageSource());
  }

  @Test
  void aProtectedPageBringsTheUserBackAfterLogin() {
    browser.open("/admin/users.xhtml");
    browser.waitFor(By.id("login:username"));
    browser.driver().findElement(By.id("login:username")).sendKeys("admin");
    browser.driver().findElement(By.id("login:password")).sendKeys("admin-demo-pw");
    browser.driver().findElement(By.id("login:submit")).click();
    browser.waitFor(By.id("admin:users"));
    assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/users.xhtml"));
  }

  @Test
  void anAdministratorCreatesAnOrganisationAndAUserWhoCanThenLogIn() {
    browser.login("admin", "admin-demo-pw");
    browser.open("/admin/users.xhtml");
    browser.waitFor(By.id("admin:orgName"));
    browser
        .driver()
        .findElement(By.id("admin:orgName"))
        .sendKeys("Charité Study Centre <script>alert(1)</script>");
    selectByLabel("admin:orgKind", "SITE");
    browser.driver().findElement(By.id("admin:orgCountry")).sendKeys("DE");
    browser.driver().findElement(By.id("admin:createOrganisation")).click();
    browser.waitFor(By.xpath("//td[contains(., 'Charité Study Centre')]"));
    assertTrue(
        browser.driver().getPageSource().contains("&lt;script&gt;"),
        "the organisation name is escaped, not run");

    browser.driver().findElement(By.id("admin:username")).sendKeys("study.nurse");
    browser.driver().findElement(By.id("admin:fullName")).sendKeys("Study Nurse");
    browser.driver().findElement(By.id("admin:password")).sendKeys("a-long-password-1");
    selectByLabel("admin:organisation", "Charité Study Centre <script>alert(1)</script> (SITE)");
    selectByLabel("admin:role", "SITE");
    browser.driver().findElement(By.id("admin:createUser")).click();
    browser.waitFor(By.xpath("//td[text()='study.nurse']"));
    browser.logout();

    browser.login("study.nurse", "a-long-password-1");
    assertEquals("study.nurse", browser.text(By.id("currentUser")));
  }

  @Test
  void theRoleMenuOffersOnlyWhatTheOrganisationPermitsAndTheServiceRefusesTheRest() {
    browser.login("admin", "admin-demo-pw");
    browser.open("/admin/users.xhtml");
    browser.waitFor(By.id("admin:username"));
    assertEquals(List.of(), roleOptions(), "no role before an organisation is chosen");
    selectByLabel("admin:organisation", "St. Mary's Hospital Research Unit (SITE)");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> roleOptions().equals(List.of("SITE")));

    // A program that skips the page is refused by the service all the same.
    HttpResponse<String> r =
        new ApiClient(base)
            .postJson(
                "/api/admin/users",
                "{\"username\":\"eve\",\"fullName\":\"Eve\",\"password\":\"a-long-password-2\","
                    + "\"organisationId\":"
                    + organisationId("St. Mary's Hospital Research Unit")
                    + ",\"role\":\"ADMIN\"}",
                "admin",
                "admin-demo-pw");
    assertTrue(r.body().contains("cannot hold the ADMIN role"), r.body());
    assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.body());
  }

  @Test
  void anOrganisationInACountryThatDoesNotExistIsRefusedAtTheField() {
    browser.login("admin", "admin-demo-pw");
    browser.open("/admin/users.xhtml");
    browser.waitFor(By.id("admin:orgName"));
    browser.driver().findElement(By.id("admin:orgName")).sendKeys("Nowhere Research");
    selectByLabel("admin:orgKind", "SITE");
    browser.driver().findElement(By.id("admin:orgCountry")).sendKeys("XX");
    browser.driver().findElement(By.id("admin:createOrganisation")).click();
    waitForMessage("ISO 3166");
    assertFalse(browser.present(By.xpath("//td[contains(., 'Nowhere Research')]")));
  }

  @Test
  void anAdministratorEditsResetsDeactivatesAndReactivatesAUser() {
    ApiClient api = new ApiClient(base);
    HttpResponse<String> created =
        api.postJson(
            "/api/admin/users",
            "{\"username\":\"leaver\",\"fullName\":\"Lee Aver\",\"password\":\"leaver-first-pw\","
                + "\"organisationId\":"
                + organisationId("Helix Therapeutics")
                + ",\"role\":\"SPONSOR\"}",
            "admin",
            "admin-demo-pw");
    assertEquals(201, created.statusCode(), created.body());

    browser.login("admin", "admin-demo-pw");
    browser.open("/admin/users.xhtml");
    manage("leaver");
    WebElement name = browser.driver().findElement(By.id("admin:editFullName"));
    name.clear();
    name.sendKeys("Lee Aver-Smith");
    browser.driver().findElement(By.id("admin:saveDetails")).click();
    browser.waitFor(By.xpath("//td[text()='Lee Aver-Smith']"));

    browser.driver().findElement(By.id("admin:newPassword")).sendKeys("leaver-second-pw");
    browser.driver().findElement(By.id("admin:resetPassword")).click();
    waitForMessage("New password set for leaver");

    browser.driver().findElement(By.id("admin:deactivate")).click();
    waitForMessage("Reason is required"); // deactivating asks why first
    browser.driver().findElement(By.id("admin:deactivationReason")).sendKeys("Left the company");
    browser.driver().findElement(By.id("admin:deactivate")).click();
    browser.waitFor(By.id("admin:reactivate"));
    assertTrue(browser.driver().getPageSource().contains("Deactivated"));
    browser.logout();

    browser.login("leaver", "leaver-second-pw");
    assertFalse(browser.present(By.id("currentUser")), "a deactivated user cannot log in");

    browser.login("admin", "admin-demo-pw");
    browser.open("/admin/users.xhtml");
    manage("leaver");
    browser.driver().findElement(By.id("admin:reactivate")).click();
    browser.waitFor(By.id("admin:deactivate"));
    browser.logout();
    browser.login("leaver", "leaver-first-pw");
    assertFalse(browser.present(By.id("currentUser")), "the old password no longer works");
    browser.login("leaver", "leaver-second-pw");
    assertEquals("leaver", browser.text(By.id("currentUser")));

    browser.logout();
    browser.login("regulator", "regulator-demo-pw");
    browser.open("/audit/index.xhtml");
    browser.driver().findElement(By.id("audit:action")).sendKeys("deactiv");
    browser.driver().findElement(By.id("audit:filter")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> browser.text(By.id("audit:events")).contains("Left the company"));
  }

  @Test
  void eachRoleLandsOnItsDailyWorkAfterLogin() {
    for (String[] c :
        List.of(
            new String[] {"sponsor", "sponsor-demo-pw", "/sponsor/trials.xhtml"},
            new String[] {"site1", "site1-demo-pw", "/site/index.xhtml"},
            new String[] {"regulator", "regulator-demo-pw", "/review/index.xhtml"},
            new String[] {"admin", "admin-demo-pw", "/admin/users.xhtml"})) {
      browser.login(c[0], c[1]);
      browser.waitFor(By.id("currentUser"));
      assertTrue(
          browser.driver().getCurrentUrl().endsWith(c[2]),
          c[0] + " landed on " + browser.driver().getCurrentUrl());
      browser.logout();
    }
  }

  @Test
  void aRegulatorRunsTheFullAuditAndReadsTheAuditTrail() {
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/audit/ledger.xhtml");
    browser.driver().findElement(By.id("audit:start")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(
            d ->
                d.findElements(By.id("verdict")).stream()
                    .anyMatch(e -> e.getText().contains("No discrepancies")));
    assertTrue(browser.text(By.id("state")).contains("PASSED"));
    Pages.assertNoStackTrace(browser.driver().getPageSource());
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("audit:start")).isEnabled());

    browser.open("/audit/index.xhtml");
    browser.waitFor(By.id("audit:events"));
    assertTrue(
        browser.text(By.id("audit:events")).contains("LOGIN"),
        "the regulator's own login is in the trail");
    browser.driver().findElement(By.id("audit:action")).sendKeys("login_f");
    browser.driver().findElement(By.id("audit:filter")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(
            d -> {
              String table = browser.text(By.id("audit:events"));
              return table.contains("No audit records match.") || table.contains("LOGIN_FAILED");
            });
    assertFalse(
        browser.text(By.id("audit:events")).matches("(?s).*\\bLOGIN\\b(?!_).*"),
        "a part of the name, in any case, narrows to LOGIN_FAILED…");
    assertTrue(browser.present(By.id("audit:export")));
  }

  /**
   * CSRF: a page on another origin of the same host (so even {@code SameSite=Lax} lets the browser
   * attach the session cookie) makes a logged-in regulator's browser post to the API, as a form and
   * as a {@code text/plain} body crafted into JSON. The API authenticates only the program's own
   * credentials, so nothing happens; the audit CSV the page links to still downloads with the
   * session.
   */
  @Test
  void aPageOnAnotherOriginCannotActThroughALoggedInBrowser() throws Exception {
    ApiClient api = new ApiClient(base);
    String id = SiteIT.submittedTrial(api);
    String app = base.toString().replaceAll("/$", "");
    String publish = app + "/api/trials/" + id + "/versions/1/publish";
    String comment = app + "/api/trials/" + id + "/versions/1/comments";

    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    // Every cookie the browser holds for the application, as it would send them.
    String session =
        browser.driver().manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    assertTrue(session.contains("JSESSIONID="), session);
    // The header itself (a browser reports Lax for a cookie that says nothing, too).
    HttpResponse<String> loginPage =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.resolve("/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
    String setCookie =
        loginPage.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.matches("(?i).*;\\s*SameSite=Lax(;.*|$)"), setCookie);
    assertTrue(setCookie.toLowerCase(Locale.ROOT).contains("httponly"), setCookie);

    try (AttackerSite attacker = new AttackerSite(base.getHost())) {
      // Every body a page may send to another origin without asking it first: a form, multipart,
      // text/plain.
      attacker.page(
          "/",
          "<script>const o={method:'POST',mode:'no-cors',credentials:'include',signal:AbortSignal.timeout(8000)};"
              + "const json=JSON.stringify({severity:'MAJOR',body:'csrf'});"
              + "Promise.allSettled(["
              + "fetch('"
              + publish
              + "',Object.assign({body:new URLSearchParams('x=1')},o)),"
              + "fetch('"
              + publish
              + "',Object.assign({body:new FormData()},o)),"
              + "fetch('"
              + comment
              + "',Object.assign({headers:{'Content-Type':'text/plain'},body:json},o))"
              + "]).then(rs=>{document.title=rs.map(r=>r.status).join(',')})</script>");
      browser.driver().get(attacker.url("/"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .withMessage(() -> browser.driver().getPageSource())
          .until(d -> d.getTitle().split(",").length == 3);
      // Each request was sent and answered. A 401 with a Basic challenge leaves the browser waiting
      // for
      // credentials nobody types, so those fetches end at the page's own time limit ("rejected").
    }

    Map<?, ?> trial =
        RegistryApiIT.json(api.get("/api/trials/" + id, "regulator", "regulator-demo-pw"));
    assertNull(trial.get("publishedVersion"), "not published: " + trial);
    assertFalse(
        String.valueOf(trial.get("versions")).contains("csrf"), "no comment was made: " + trial);

    // The API ignores the session cookie whoever sends it; the page's own download uses it.
    HttpResponse<String> me =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.resolve("/api/me")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, me.statusCode(), me.body());
    HttpResponse<String> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.resolve("/files/audit-trail.csv"))
                    .header("Cookie", session)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, download.statusCode());
    assertTrue(download.body().startsWith("id,occurred_at_utc"), download.body());
    browser.open("/audit/index.xhtml");
    String csv = browser.driver().findElement(By.id("audit:export")).getAttribute("href");
    assertTrue(csv.contains("/files/audit-trail.csv"), csv);
  }

  private void waitForMessage(String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> browser.text(By.id("admin:messages")).contains(text));
  }

  private List<String> roleOptions() {
    return new Select(browser.driver().findElement(By.id("admin:role_input")))
        .getOptions().stream()
            .map(o -> o.getAttribute("value"))
            .filter(v -> v != null && !v.isEmpty())
            .toList();
  }

  private void manage(String username) {
    browser.waitFor(By.id("admin:users"));
    browser
        .driver()
        .findElement(
            By.xpath("//tr[td[text()='" + username + "']]//button[contains(@id, 'manage')]"))
        .click();
    browser.waitFor(By.id("admin:managePanel"));
  }

  private long organisationId(String name) {
    String body =
        new ApiClient(base).get("/api/admin/organisations", "admin", "admin-demo-pw").body();
    for (Object o : (List<?>) JsonParser.parse(body)) {
      java.util.Map<?, ?> org = (java.util.Map<?, ?>) o;
      if (name.equals(org.get("name"))) return ((Number) org.get("id")).longValue();
    }
    throw new AssertionError("no organisation " + name);
  }

  /**
   * PrimeFaces keeps a hidden native select behind its styled menu; choose through the widget's
   * API, then fire its change event as a user's choice does (an ajax listener may depend on it).
   */
  private void selectByLabel(String selectOneMenuId, String label) {
    String widgetInput = selectOneMenuId + "_input";
    WebElement select = browser.driver().findElement(By.id(widgetInput));
    String value =
        new Select(select)
            .getOptions().stream()
                .filter(o -> o.getAttribute("textContent").trim().equals(label))
                .findFirst()
                .orElseThrow(
                    () -> new AssertionError("no option " + label + " in " + selectOneMenuId))
                .getAttribute("value");
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);"
                + " w.triggerChange();",
            selectOneMenuId,
            value);
    // the change may redraw other menus (the roles an organisation permits): let it finish
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
  }
}
