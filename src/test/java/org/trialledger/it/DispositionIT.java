package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trialledger.ledger.json.JsonParser;

/**
 * Issue 20: site staff record that a subject completed the study or discontinued it (with a reason
 * from the list), through the API on PostgreSQL: checked for role and organisation, validated field
 * by field, committed in the ledger and audited; and the results pre-fill counts started, completed
 * and not completed with the sites' reasons instead of completed = 0.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DispositionIT {
  static final String SITE = "site1", SITE_PW = "site1-demo-pw";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  @Test
  void sitesRecordCompletionAndDiscontinuationAndThePreFillCountsThem() throws Exception {
    ApiClient api = new ApiClient(base);
    String trial = SiteIT.publishedTrial(api);
    long site1 = SiteIT.organisation(api, "St. Mary's Hospital Research Unit");
    assertEquals(
        201,
        api.postJson(
                "/api/trials/" + trial + "/site/activations",
                "{\"siteOrganisationId\":" + site1 + ",\"principalInvestigator\":\"Dr. Okafor\"}",
                "sponsor",
                "sponsor-demo-pw")
            .statusCode());
    HttpResponse<String> cv =
        api.postBytes(
            "/api/trials/"
                + trial
                + "/site/activations/"
                + site1
                + "/credentials?kind=GCP_CERTIFICATE&fileName=gcp.pdf",
            "application/pdf",
            VerificationIT.pdf("GCP certificate of Dr. Okafor"),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, cv.statusCode(), cv.body());
    HttpResponse<String> f =
        api.postBytes(
            "/api/trials/" + trial + "/site/consent-forms?label=v1.0&language=en&fileName=icf.pdf",
            "application/pdf",
            VerificationIT.pdf("informed consent form v1"),
            "sponsor",
            "sponsor-demo-pw");
    assertEquals(201, f.statusCode(), f.body());
    long form = ((Number) RegistryApiIT.json(f).get("id")).longValue();
    String completes = enrolConsented(api, trial, form, "Ada Complete");
    String harmed = enrolConsented(api, trial, form, "Ben Harmed");
    String lost = enrolConsented(api, trial, form, "Cy Lost");
    String ongoing = enrolConsented(api, trial, form, "Di Ongoing");
    HttpResponse<String> noConsent =
        api.postJson(
            "/api/trials/" + trial + "/site/subjects",
            "{\"name\":\"Ed Unconsented\",\"birthDate\":\"1970-01-01\",\"contact\":\"ed@example.org\"}",
            SITE,
            SITE_PW);
    assertEquals(201, noConsent.statusCode(), noConsent.body());
    String unconsented = (String) RegistryApiIT.json(noConsent).get("pseudonym");
    String today = LocalDate.now().toString();

    // bad input: a field message, nothing stored
    HttpResponse<String> noReason =
        disposition(api, harmed, "{\"status\":\"DISCONTINUED\",\"date\":\"" + today + "\"}");
    assertEquals(422, noReason.statusCode(), noReason.body());
    assertTrue(noReason.body().contains("reason"), noReason.body());
    HttpResponse<String> otherWithoutWords =
        disposition(
            api,
            harmed,
            "{\"status\":\"DISCONTINUED\",\"reason\":\"OTHER\",\"date\":\"" + today + "\"}");
    assertEquals(422, otherWithoutWords.statusCode(), otherWithoutWords.body());
    assertTrue(otherWithoutWords.body().contains("detail"), otherWithoutWords.body());
    int notAStatus =
        disposition(api, harmed, "{\"status\":\"GONE\",\"date\":\"" + today + "\"}").statusCode();
    assertTrue(notAStatus == 400 || notAStatus == 422, "not a status: " + notAStatus);
    assertEquals(
        422,
        disposition(
                api,
                harmed,
                "{\"status\":\"COMPLETED\",\"date\":\"" + LocalDate.now().plusDays(2) + "\"}")
            .statusCode(),
        "not in the future");
    assertEquals(
        409,
        disposition(api, unconsented, "{\"status\":\"COMPLETED\",\"date\":\"" + today + "\"}")
            .statusCode(),
        "no completion without consent in force");

    // role and organisation, checked in the service
    String done = "{\"status\":\"COMPLETED\",\"date\":\"" + today + "\"}";
    assertEquals(
        403,
        api.postJson(
                "/api/subjects/" + completes + "/disposition", done, "sponsor", "sponsor-demo-pw")
            .statusCode());
    assertEquals(
        404,
        api.postJson("/api/subjects/" + completes + "/disposition", done, "site2", "site2-demo-pw")
            .statusCode(),
        "another site's subject is not found");

    HttpResponse<String> completed = disposition(api, completes, done);
    assertEquals(201, completed.statusCode(), completed.body());
    String leaf = (String) RegistryApiIT.json(completed).get("leafHash");
    assertEquals(200, api.get("/api/receipts/" + leaf).statusCode(), "in the ledger");
    assertEquals(
        1L,
        ((Number) RegistryApiIT.json(disposition(api, completes, done)).get("version")).longValue(),
        "the same facts again are not a change");
    HttpResponse<String> changeWithoutReason =
        disposition(
            api,
            completes,
            "{\"status\":\"DISCONTINUED\",\"reason\":\"DEATH\",\"date\":\"" + today + "\"}");
    assertEquals(422, changeWithoutReason.statusCode(), changeWithoutReason.body());
    assertTrue(changeWithoutReason.body().contains("reasonForChange"), changeWithoutReason.body());

    assertEquals(
        201,
        disposition(
                api,
                harmed,
                "{\"status\":\"DISCONTINUED\",\"reason\":\"ADVERSE_EVENT\","
                    + "\"detail\":\"Hepatotoxicity grade 3\",\"date\":\""
                    + today
                    + "\"}")
            .statusCode());
    assertEquals(
        201,
        disposition(api, lost, "{\"status\":\"COMPLETED\",\"date\":\"" + today + "\"}")
            .statusCode());
    HttpResponse<String> changed =
        disposition(
            api,
            lost,
            "{\"status\":\"DISCONTINUED\",\"reason\":\"LOST_TO_FOLLOW_UP\",\"date\":\""
                + today
                + "\",\"reasonForChange\":\"Completion entered for the wrong subject\"}");
    assertEquals(201, changed.statusCode(), changed.body());
    assertEquals(2L, ((Number) RegistryApiIT.json(changed).get("version")).longValue());

    // the subject's records show it, committed
    String record = api.get("/api/subjects/" + harmed, "sponsor", "sponsor-demo-pw").body();
    assertTrue(record.contains("\"kind\":\"DISPOSITION\""), record);
    assertTrue(record.contains("Hepatotoxicity grade 3"), record);

    // audited
    String audit =
        api.get(
                "/api/audit?action=SUBJECT_DISCONTINUED&objectId=" + trial,
                "admin",
                "admin-demo-pw")
            .body();
    assertTrue(audit.contains(harmed) && audit.contains("Adverse Event"), audit);
    assertTrue(audit.contains("Completion entered for the wrong subject"), audit);

    // the results pre-fill: 5 started, 1 completed, 2 not completed with the sites' reasons
    HttpResponse<String> pre =
        api.get("/api/trials/" + trial + "/results/prefill", "sponsor", "sponsor-demo-pw");
    assertEquals(200, pre.statusCode(), pre.body());
    Map<?, ?> flow = (Map<?, ?>) ((Map<?, ?>) JsonParser.parse(pre.body())).get("participantFlow");
    Map<?, ?> period = (Map<?, ?>) ((List<?>) flow.get("periods")).get(0);
    List<?> milestones = (List<?>) period.get("milestones");
    // two arms and no arm per subject: the totals are in the comments for the sponsor to split
    assertTrue(comment(milestones, 0).contains("5 in all arms"), comment(milestones, 0));
    assertTrue(comment(milestones, 1).contains("1 in all arms"), comment(milestones, 1));
    assertTrue(comment(milestones, 2).contains("2 in all arms"), comment(milestones, 2));
    List<?> drops = (List<?>) period.get("dropWithdraws");
    assertEquals(
        List.of("Adverse Event", "Lost to Follow-up"),
        drops.stream().map(d -> ((Map<?, ?>) d).get("type")).toList());
    assertTrue(comment(drops, 0).contains("1 in all arms"), comment(drops, 0));
    assertEquals(
        403,
        api.get("/api/trials/" + trial + "/results/prefill", SITE, SITE_PW).statusCode(),
        "the sponsor's");
    assertTrue(ongoing.startsWith("S-"));

    JsonObject ledgerAudit = LedgerAudits.run(api, "admin", "admin-demo-pw");
    assertEquals("PASSED", ledgerAudit.getString("state"), ledgerAudit.toString());
  }

  private static String comment(List<?> list, int i) {
    return String.valueOf(((Map<?, ?>) list.get(i)).get("comment"));
  }

  private static HttpResponse<String> disposition(ApiClient api, String p, String body) {
    return api.postJson("/api/subjects/" + p + "/disposition", body, SITE, SITE_PW);
  }

  private static String enrolConsented(ApiClient api, String trial, long form, String name) {
    HttpResponse<String> enrolled =
        api.postJson(
            "/api/trials/" + trial + "/site/subjects",
            "{\"name\":\""
                + name
                + "\",\"birthDate\":\"1980-02-29\",\"contact\":\"someone@example.org\"}",
            SITE,
            SITE_PW);
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    String p = (String) RegistryApiIT.json(enrolled).get("pseudonym");
    HttpResponse<String> consent =
        api.postJson(
            "/api/subjects/" + p + "/consents",
            "{\"consentFormId\":"
                + form
                + ",\"event\":\"CONSENTED\",\"occurredAt\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"username\":\""
                + SITE
                + "\",\"password\":\""
                + SITE_PW
                + "\"}",
            SITE,
            SITE_PW);
    assertEquals(201, consent.statusCode(), consent.body());
    return p;
  }
}
