package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.trialledger.site.domain.SiteFixtures.FORM_V1_SHA;
import static org.trialledger.site.domain.SiteFixtures.HBA1C;
import static org.trialledger.site.domain.SiteFixtures.QOL;
import static org.trialledger.site.domain.SiteFixtures.adverseEvent;
import static org.trialledger.site.domain.SiteFixtures.consent;
import static org.trialledger.site.domain.SiteFixtures.result;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.site.domain.ConsentRecord.Event;
import org.trialledger.site.domain.SummaryResults.AdverseEventRow;
import org.trialledger.site.domain.SummaryResults.ParticipantFlow;

class SummaryResultsTest {
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  private final SecureRandom random = SiteFixtures.seeded(9);
  private final Pseudonym a = Pseudonym.issue(random);
  private final Pseudonym b = Pseudonym.issue(random);
  private final Pseudonym c = Pseudonym.issue(random);
  private final Pseudonym d = Pseudonym.issue(random);

  @Test
  void computesFlowOutcomesAndAdverseEvents() {
    List<ConsentRecord> consents =
        List.of(
            consent(a, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(b, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(c, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(c, "ICF-v1", FORM_V1_SHA, Event.WITHDRAWN, T0.plusSeconds(10)));
    ResultRecord aWeek12 = result(a, "Week 12", HBA1C, "-1.0");
    List<ResultRecord> results =
        List.of(
            aWeek12,
            aWeek12.correct("-2.0", "%", "Transcription error", "emuster", T0), // replaces -1.0
            result(b, "Week 12", HBA1C, "-4.0"),
            result(c, "Week 12", HBA1C, "-3.0"),
            result(a, "Week 12", QOL, "better"),
            earlier(result(a, "Week 4", HBA1C, "-0.5")));
    AdverseEventRecord headache = adverseEvent(a, "AE-1", "Headache", false);
    List<AdverseEventRecord> aes =
        List.of(
            headache,
            adverseEvent(a, "AE-2", "headache ", false),
            adverseEvent(b, "AE-1", "Headache", false),
            adverseEvent(b, "AE-2", "Headache", true),
            adverseEvent(c, "AE-1", "Nausea", false),
            headache.correct(
                "Nausea",
                false,
                headache.severity(),
                headache.onsetDate(),
                null,
                headache.outcome(),
                headache.relatedness(),
                "Wrong term",
                "emuster",
                T0.plusSeconds(1)));

    SummaryResults s =
        SummaryResults.compute(List.of(a, b, c, d), List.of(a, c), consents, results, aes);

    assertEquals(new ParticipantFlow(4, 3, 1, 1), s.flow());
    assertEquals(3, s.outcomes().size());
    var week4 = s.outcomes().get(0);
    assertEquals("Week 4", week4.visit(), "visits in the order they happened");
    assertEquals(1, week4.n());
    assertEquals(-0.5, week4.mean());
    assertNull(week4.sd());
    var week12 = s.outcomes().get(1);
    assertEquals(3, week12.n());
    assertEquals(-3.0, week12.mean(), 1e-12);
    assertEquals(1.0, week12.sd(), 1e-12);
    assertEquals("%", week12.unit());
    var qol = s.outcomes().get(2);
    assertEquals(0, qol.n());
    assertEquals(1, qol.other());
    assertNull(qol.mean());
    assertEquals(
        List.of(
            new AdverseEventRow("Headache", false, 2, 2),
            new AdverseEventRow("Headache", true, 1, 1),
            new AdverseEventRow("Nausea", false, 2, 2)),
        s.adverseEvents());
  }

  @Test
  void differentUnitsAreNotAveragedTogether() {
    ResultRecord mmol =
        new ResultRecord(
            SiteFixtures.TRIAL,
            SiteFixtures.SITE,
            b,
            "Week 12",
            LocalDate.of(2025, 2, 1),
            1,
            HBA1C.name(),
            ResultRecord.ValueType.NUMBER,
            "-10",
            "mmol/mol",
            1,
            null,
            "emuster",
            T0);
    SummaryResults s =
        SummaryResults.compute(
            List.of(a, b),
            List.of(),
            List.of(),
            List.of(result(a, "Week 12", HBA1C, "-1.0"), mmol),
            List.of());
    assertEquals(2, s.outcomes().size());
    assertEquals(new ParticipantFlow(2, 0, 0, 0), s.flow());
  }

  private static ResultRecord earlier(ResultRecord r) {
    return new ResultRecord(
        r.trialId(),
        r.siteId(),
        r.subject(),
        r.visit(),
        r.observedOn().minusWeeks(8),
        r.outcomeIndex(),
        r.outcomeMeasure(),
        r.valueType(),
        r.value(),
        r.unit(),
        r.version(),
        r.reasonForChange(),
        r.enteredBy(),
        r.enteredAt());
  }

  private static DispositionRecord disposition(
      Pseudonym subject, DispositionRecord.Status status, DispositionRecord.Reason reason) {
    return new DispositionRecord(
        SiteFixtures.TRIAL,
        SiteFixtures.SITE,
        subject,
        status,
        reason,
        null,
        java.time.LocalDate.of(2025, 6, 1),
        1,
        null,
        "emuster",
        T0);
  }

  @Test
  void sitesDispositionsGiveCompletedAndNotCompletedWithReasons() {
    Pseudonym e = Pseudonym.issue(random);
    List<ConsentRecord> consents =
        List.of(
            consent(a, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(b, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(c, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(d, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, T0),
            consent(d, "ICF-v1", FORM_V1_SHA, Event.WITHDRAWN, T0.plusSeconds(10)));
    DispositionRecord bLost =
        disposition(b, DispositionRecord.Status.COMPLETED, null)
            .change(
                DispositionRecord.Status.DISCONTINUED,
                DispositionRecord.Reason.LOST_TO_FOLLOW_UP,
                "moved away",
                java.time.LocalDate.of(2025, 5, 1),
                "Entered for the wrong subject",
                "emuster",
                T0);
    List<DispositionRecord> dispositions =
        List.of(
            disposition(a, DispositionRecord.Status.COMPLETED, null),
            disposition(b, DispositionRecord.Status.COMPLETED, null),
            bLost, // b's latest version: discontinued
            disposition(
                c, DispositionRecord.Status.DISCONTINUED, DispositionRecord.Reason.ADVERSE_EVENT));
    // e is enrolled with no disposition yet: neither completed nor not completed
    SummaryResults s =
        SummaryResults.computeWithDispositions(
            List.of(a, b, c, d, e), consents, dispositions, List.of(), List.of());
    assertEquals(
        new ParticipantFlow(
            5,
            4,
            1,
            1,
            3,
            java.util.Map.of(
                "Adverse Event", 1, "Lost to Follow-up", 1, "Withdrawal by Subject", 1)),
        s.flow());
  }
}
