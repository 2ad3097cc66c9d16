package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
import org.openqa.selenium.support.ui.Select;

/** A person in headless Chromium: logging in through the real form, menus per role, admin pages, errors. */
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
  void eachDemoUserLogsInThroughTheFormAndSeesTheirMenu(String user, String password, String role, boolean admin) {
    browser.login(user, password);
    assertEquals(user, browser.text(By.id("currentUser")));
    assertTrue(browser.text(By.id("roles")).contains(role), "the account page shows the role");
    assertTrue(browser.present(By.id("nav:menuAccount")));
    assertEquals(admin, browser.present(By.id("nav:menuAdmin")), "the administration menu only for admins");
    browser.logout();
    assertFalse(browser.present(By.id("currentUser")));
  }

  @Test
  void aWrongPasswordShowsAMessageAndNoSession() {
    browser.login("sponsor", "wrong-password");
    assertTrue(browser.text(By.id("login:messages")).contains("Unknown username or wrong password"));
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
    browser.driver().findElement(By.id("admin:orgName")).sendKeys("Charité Study Centre <script>alert(1)</script>");
    selectByLabel("admin:orgKind", "SITE");
    browser.driver().findElement(By.id("admin:orgCountry")).sendKeys("DE");
    browser.driver().findElement(By.id("admin:createOrganisation")).click();
    browser.waitFor(By.xpath("//td[contains(., 'Charité Study Centre')]"));
    assertTrue(
        browser.driver().getPageSource().contains("&lt;script&gt;"), "the organisation name is escaped, not run");

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
  void theAdminPageRefusesARoleTheOrganisationDoesNotPermit() {
    browser.login("admin", "admin-demo-pw");
    browser.open("/admin/users.xhtml");
    browser.waitFor(By.id("admin:username"));
    browser.driver().findElement(By.id("admin:username")).sendKeys("eve");
    browser.driver().findElement(By.id("admin:fullName")).sendKeys("Eve");
    browser.driver().findElement(By.id("admin:password")).sendKeys("a-long-password-2");
    selectByLabel("admin:organisation", "St. Mary's Hospital Research Unit (SITE)");
    selectByLabel("admin:role", "ADMIN");
    browser.driver().findElement(By.id("admin:createUser")).click();
    assertTrue(browser.text(By.id("admin:messages")).contains("cannot hold the ADMIN role"));
    assertFalse(browser.present(By.xpath("//td[text()='eve']")));
  }

  @Test
  void aRegulatorRunsTheFullAuditAndReadsTheAuditTrail() {
    browser.login("regulator", "regulator-demo-pw");
    browser.waitFor(By.id("currentUser"));
    browser.open("/audit/ledger.xhtml");
    browser.driver().findElement(By.id("audit:start")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
        .until(d -> d.findElements(By.id("verdict")).stream().anyMatch(e -> e.getText().contains("No discrepancies")));
    assertTrue(browser.text(By.id("state")).contains("PASSED"));
    Pages.assertNoStackTrace(browser.driver().getPageSource());

    browser.open("/audit/index.xhtml");
    browser.waitFor(By.id("audit:events"));
    assertTrue(browser.text(By.id("audit:events")).contains("LOGIN"), "the regulator's own login is in the trail");
    assertTrue(browser.present(By.id("audit:export")));
  }

  /** PrimeFaces keeps a hidden native select behind its styled menu; choose through the widget's API. */
  private void selectByLabel(String selectOneMenuId, String label) {
    String widgetInput = selectOneMenuId + "_input";
    org.openqa.selenium.WebElement select = browser.driver().findElement(By.id(widgetInput));
    String value = new Select(select).getOptions().stream()
        .filter(o -> o.getAttribute("textContent").trim().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no option " + label + " in " + selectOneMenuId))
        .getAttribute("value");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", selectOneMenuId, value);
  }
}
