package org.trialledger.results.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTablesTest {
  @Test
  void everyModuleOfTheDemoResultsAsTablesWithTheirCharts() throws Exception {
    List<ResultsTables.Module> modules = ResultsTables.of(EntryMapperTest.demo(), "r");
    assertEquals(
        List.of(
            "Participant flow",
            "Baseline characteristics",
            "Outcome measures",
            "Adverse events",
            "More information"),
        modules.stream().map(ResultsTables.Module::title).toList());
    ResultsTables.Table flow = modules.get(0).blocks().get(0).tables().get(0);
    assertEquals("r-flow-0", flow.id());
    assertEquals(List.of("Milestone", "Helixumab", "Placebo"), flow.heads());
    assertEquals(List.of("Started", "60", "60"), flow.rows().get(0), "codes read as words");
    assertEquals("Not completed", flow.rows().get(2).get(0));
    assertEquals(List.of("Reason not completed: Adverse Event", "3", "1"), flow.rows().get(3));
    assertNotNull(modules.get(0).blocks().get(0).svg());

    ResultsTables.Block age = modules.get(1).blocks().get(1);
    assertEquals("Age, Continuous", age.heading());
    assertEquals(
        List.of("", "44.1 (11.2)", "45.3 (10.8)", "44.7 (11.0)"),
        age.tables().get(0).rows().get(0));

    ResultsTables.Block pasi = modules.get(2).blocks().get(0);
    assertEquals(List.of("Participants analysed", "60", "60"), pasi.tables().get(0).rows().get(0));
    assertEquals(List.of("", "41", "6"), pasi.tables().get(0).rows().get(1));
    assertEquals(
        List.of(
            "Helixumab, Placebo",
            "Cochran-Mantel-Haenszel",
            "<0.001",
            "Risk Difference (RD) 58.3",
            "95% CI 44.9 to 71.8"),
        pasi.tables().get(1).rows().get(0));
    assertNotNull(pasi.svg());

    ResultsTables.Table totals = modules.get(3).blocks().get(0).tables().get(0);
    assertEquals(List.of("Serious adverse events", "2 / 60", "1 / 60"), totals.rows().get(1));
    assertNull(modules.get(3).blocks().get(0).svg());
  }

  @Test
  void everyDenominatorAndTheNumberOfEventsAreShown() throws Exception {
    var r =
        org.trialledger.results.interop.CtGovResultsImporter.importResults(
                java.nio.file.Files.readString(
                    org.trialledger.ledger.Vectors.dir("ctgov")
                        .resolve("results-reported_event.json")),
                List.of())
            .record();
    var e = r.adverseEvents().seriousEvents().get(0);
    ResultsTables.Table serious = ResultsTables.of(r, "r").get(0).blocks().get(0).tables().get(1);
    assertEquals(
        e.stats().get(0).numAffected() + " / " + e.stats().get(0).numAtRisk() + " (5 events)",
        serious.rows().get(0).get(1));

    var eyes =
        new org.trialledger.results.domain.ResultsRecord.OutcomeMeasure(
            null,
            "Eyes healed",
            null,
            null,
            null,
            null,
            null,
            null,
            "eyes",
            null,
            "Eyes",
            List.of(
                new org.trialledger.results.domain.ResultsRecord.Group("OG000", "A", null, null)),
            List.of(
                new org.trialledger.results.domain.ResultsRecord.Denom(
                    "Participants",
                    List.of(
                        new org.trialledger.results.domain.ResultsRecord.DenomCount("OG000", 10))),
                new org.trialledger.results.domain.ResultsRecord.Denom(
                    "Eyes",
                    List.of(
                        new org.trialledger.results.domain.ResultsRecord.DenomCount("OG000", 19)))),
            List.of(),
            List.of());
    var record =
        new org.trialledger.results.domain.ResultsRecord(
            null, null, null, List.of(eyes), null, null, null);
    var rows = ResultsTables.of(record, "r").get(0).blocks().get(0).tables().get(0).rows();
    assertEquals(List.of("Participants analysed", "10"), rows.get(0));
    assertEquals(List.of("Eyes analysed", "19"), rows.get(1));
  }

  @Test
  void codesReadAsWords() {
    assertEquals("Count of participants", ResultsTables.label("COUNT_OF_PARTICIPANTS"));
    assertEquals("", ResultsTables.label(null));
  }
}
