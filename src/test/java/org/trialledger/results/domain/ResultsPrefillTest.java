package org.trialledger.results.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistryFixtures;
import org.trialledger.site.domain.SummaryResults;

class ResultsPrefillTest {
  static final SummaryResults SITES =
      new SummaryResults(
          new SummaryResults.ParticipantFlow(7, 7, 2, 0),
          List.of(
              new SummaryResults.OutcomeSummary(
                  0, "PASI 75 response", "Week 16", "%", 5, 71.25, 3.5, 0)),
          List.of(
              new SummaryResults.AdverseEventRow("Headache", false, 3, 4),
              new SummaryResults.AdverseEventRow("Cellulitis", true, 1, 1)));

  @Test
  void groupsPerArmAndTheRegisteredOutcomesWithSiteTotalsInComments() {
    RegistrationRecord helix = RegistryFixtures.completeRecord();
    ResultsRecord r = ResultsPrefill.of(helix, SITES);
    assertEquals(
        List.of("Helixumab", "Placebo"),
        r.participantFlow().groups().stream().map(ResultsRecord.Group::armLabel).toList());
    var started = r.participantFlow().periods().get(0).milestones().get(0);
    assertEquals("STARTED", started.type());
    assertNull(started.achievements().get(0).numSubjects(), "no arm per subject: not split");
    assertTrue(started.comment().contains("7 in all arms"), started.comment());
    assertEquals(
        "Withdrawal by Subject",
        r.participantFlow().periods().get(0).dropWithdraws().get(0).type());
    assertEquals(3, r.baseline().groups().size(), "arms and a Total");
    assertEquals(7, r.baseline().denoms().get(0).counts().get(2).value(), "the Total is known");
    assertEquals(ResultsRecord.OutcomeType.PRIMARY, r.outcomeMeasures().get(0).type());
    assertEquals("PASI 75 response", r.outcomeMeasures().get(0).title());
    assertEquals(ResultsRecord.OutcomeType.SECONDARY, r.outcomeMeasures().get(1).type());
    assertEquals("Cellulitis", r.adverseEvents().seriousEvents().get(0).term());
    assertEquals("Headache", r.adverseEvents().otherEvents().get(0).term());
    assertTrue(r.adverseEvents().otherEvents().get(0).notes().contains("3 participants, 4 events"));
    assertTrue(
        ResultsValidator.validate(r, List.of("PASI 75 response")).stream()
            .noneMatch(f -> f.field().equals("outcomeMeasures")),
        "the registered primary outcome is reported");
  }

  @Test
  void aSingleArmTrialGetsTheCountsInItsGroup() {
    RegistrationRecord helix = RegistryFixtures.completeRecord();
    RegistrationRecord single =
        org.trialledger.registry.domain.RecordCodec.decode(
            org.trialledger.ledger.json.JsonParser.parse(
                RegistryFixtures.completeRecordJson()
                    .replace(
                        ",\n    {\"label\": \"Placebo\", \"type\": \"PLACEBO_COMPARATOR\", \"description\": \"Placebo\", \"interventionNames\": [\"Placebo\"]}",
                        "")),
            RegistrationRecord.class);
    assertEquals(2, helix.arms().size());
    assertEquals(1, single.arms().size(), "fixture edited");
    ResultsRecord r = ResultsPrefill.of(single, SITES);
    var ms = r.participantFlow().periods().get(0).milestones();
    assertEquals(7, ms.get(0).achievements().get(0).numSubjects());
    assertEquals(2, ms.get(2).achievements().get(0).numSubjects());
    var om = r.outcomeMeasures().get(0);
    assertEquals("71.25", om.classes().get(0).categories().get(0).measurements().get(0).value());
    assertEquals("3.50", om.classes().get(0).categories().get(0).measurements().get(0).spread());
    assertEquals(1, r.adverseEvents().seriousEvents().get(0).stats().get(0).numAffected());
    assertEquals(7, r.adverseEvents().eventGroups().get(0).seriousNumAtRisk());
  }

  @Test
  void completionAndDiscontinuationBySiteFillTheFlowWithReasons() {
    RegistrationRecord single =
        org.trialledger.registry.domain.RecordCodec.decode(
            org.trialledger.ledger.json.JsonParser.parse(
                RegistryFixtures.completeRecordJson()
                    .replace(
                        ",\n    {\"label\": \"Placebo\", \"type\": \"PLACEBO_COMPARATOR\", \"description\": \"Placebo\", \"interventionNames\": [\"Placebo\"]}",
                        "")),
            RegistrationRecord.class);
    SummaryResults sites =
        new SummaryResults(
            new SummaryResults.ParticipantFlow(
                7, 7, 1, 4, 3, java.util.Map.of("Adverse Event", 2, "Withdrawal by Subject", 1)),
            List.of(),
            List.of());
    var period = ResultsPrefill.of(single, sites).participantFlow().periods().get(0);
    assertEquals(
        List.of(7, 4, 3),
        period.milestones().stream().map(m -> m.achievements().get(0).numSubjects()).toList(),
        "started, completed, not completed");
    assertEquals(
        List.of("Adverse Event", "Withdrawal by Subject"),
        period.dropWithdraws().stream().map(ResultsRecord.DropWithdraw::type).toList());
    assertEquals(2, period.dropWithdraws().get(0).reasons().get(0).numSubjects());
  }

  @Test
  void withoutSiteDataOnlyTheStructure() {
    ResultsRecord r = ResultsPrefill.of(RegistryFixtures.completeRecord(), null);
    assertEquals(3, r.participantFlow().periods().get(0).milestones().size());
    assertTrue(r.adverseEvents().seriousEvents().isEmpty());
  }

  @Test
  void savingASectionReplacesOnlyThatPart() throws Exception {
    ResultsRecord demo = ResultsChartsTest.demo();
    ResultsRecord other = ResultsPrefill.of(RegistryFixtures.completeRecord(), SITES);
    ResultsRecord merged = ResultsSection.ADVERSE_EVENTS.replace(demo, other);
    assertEquals(other.adverseEvents(), merged.adverseEvents());
    assertEquals(demo.participantFlow(), merged.participantFlow());
    assertEquals(demo.outcomeMeasures(), merged.outcomeMeasures());
    assertEquals(
        ResultsSection.OUTCOME_MEASURES, ResultsSection.of("unreportedOutcomes[0].reason"));
    assertEquals(
        other.participantFlow(),
        ResultsSection.PARTICIPANT_FLOW.replace(null, other).participantFlow());
  }
}
