package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trialledger.site.domain.SiteFixtures.FORM_V1_SHA;
import static org.trialledger.site.domain.SiteFixtures.FORM_V2_SHA;
import static org.trialledger.site.domain.SiteFixtures.TRIAL;
import static org.trialledger.site.domain.SiteFixtures.consent;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.site.domain.ConsentRecord.Event;
import org.trialledger.site.domain.ReconsentRule.Finding;
import org.trialledger.site.domain.ReconsentRule.Reason;

class ReconsentRuleTest {
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  private final SecureRandom random = SiteFixtures.seeded(5);
  private final ConsentFormVersion v1 = new ConsentFormVersion("ICF-v1", TRIAL, 1, FORM_V1_SHA);
  private final ConsentFormVersion v2 = new ConsentFormVersion("ICF-v2", TRIAL, 2, FORM_V2_SHA);
  private final ConsentFormVersion v2de =
      new ConsentFormVersion("ICF-v2-de", TRIAL, 2, Hash.sha256(new byte[] {2}));

  @Test
  void listsWhoMustReconsentAndWhoHasNoValidConsent() {
    Pseudonym onOld = Pseudonym.issue(random);
    Pseudonym onNew = Pseudonym.issue(random);
    Pseudonym onNewTranslation = Pseudonym.issue(random);
    Pseudonym reconsented = Pseudonym.issue(random);
    Pseudonym withdrawn = Pseudonym.issue(random);
    Pseudonym never = Pseudonym.issue(random);
    Pseudonym wrongDocument = Pseudonym.issue(random);
    List<ConsentRecord> events =
        List.of(
            consent(onOld, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(onNew, "ICF-v2", FORM_V2_SHA, Event.CONSENTED, T0),
            consent(onNewTranslation, "ICF-v2-de", v2de.documentSha256(), Event.CONSENTED, T0),
            consent(reconsented, "ICF-v2", FORM_V2_SHA, Event.CONSENTED, T0.plusSeconds(86_400)),
            consent(reconsented, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(withdrawn, "ICF-v2", FORM_V2_SHA, Event.CONSENTED, T0),
            consent(withdrawn, "ICF-v2", FORM_V2_SHA, Event.WITHDRAWN, T0.plusSeconds(60)),
            consent(wrongDocument, "ICF-v2", FORM_V1_SHA, Event.CONSENTED, T0));
    var report =
        ReconsentRule.evaluate(
            List.of(v1, v2, v2de),
            List.of(onOld, onNew, onNewTranslation, reconsented, withdrawn, never, wrongDocument),
            events);
    assertEquals(
        List.of(new Finding(onOld, Reason.FORM_SUPERSEDED, "ICF-v1")), report.mustReconsent());
    assertEquals(
        sorted(
            new Finding(withdrawn, Reason.WITHDRAWN, "ICF-v2"),
            new Finding(never, Reason.NEVER_CONSENTED, null),
            new Finding(wrongDocument, Reason.UNKNOWN_FORM, "ICF-v2")),
        report.withoutValidConsent());
  }

  @Test
  void consentAfterWithdrawalCountsAndATieIsReadAsWithdrawn() {
    Pseudonym back = Pseudonym.issue(random);
    Pseudonym tie = Pseudonym.issue(random);
    var report =
        ReconsentRule.evaluate(
            List.of(v1),
            List.of(back, tie),
            List.of(
                consent(back, "ICF-v1", FORM_V1_SHA, Event.WITHDRAWN, T0),
                consent(back, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0.plusSeconds(1)),
                consent(tie, "ICF-v1", FORM_V1_SHA, Event.WITHDRAWN, T0),
                consent(tie, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0)));
    assertEquals(List.of(), report.mustReconsent());
    assertEquals(
        List.of(new Finding(tie, Reason.WITHDRAWN, "ICF-v1")), report.withoutValidConsent());
  }

  private static List<Finding> sorted(Finding... findings) {
    return Arrays.stream(findings).sorted(Comparator.comparing(Finding::subject)).toList();
  }
}
