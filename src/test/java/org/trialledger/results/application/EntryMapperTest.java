package org.trialledger.results.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.results.interop.CtGovResultsImporterTest.leaves;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialledger.ledger.Vectors;
import org.trialledger.registry.domain.RegistryFixtures;
import org.trialledger.results.domain.ResultsFinding;
import org.trialledger.results.domain.ResultsPrefill;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsValidator;
import org.trialledger.results.interop.CtGovResultsExporter;
import org.trialledger.results.interop.CtGovResultsImporter;
import org.trialledger.results.interop.ResultsImport;

class EntryMapperTest {
  static final List<String> ARMS = List.of("1 Placebo", "2. repaglinide");

  static ResultsRecord demo() throws Exception {
    try (InputStream in =
        EntryMapperTest.class.getResourceAsStream("/results/helix-pso-results.json")) {
      return ResultsRecord.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theDemoResultsSurviveTheFormUnchanged() throws Exception {
    ResultsRecord demo = demo();
    EntryMapper.Mapped m = EntryMapper.toRecord(EntryMapper.toForm(demo));
    assertEquals(List.of(), m.refused());
    assertEquals(demo.participantFlow(), m.record().participantFlow());
    assertEquals(demo.baseline(), m.record().baseline());
    assertEquals(demo.adverseEvents().eventGroups(), m.record().adverseEvents().eventGroups());
    assertEquals(
        demo.outcomeMeasures().get(0).classes(), m.record().outcomeMeasures().get(0).classes());
    assertEquals(
        demo.outcomeMeasures().get(0).analyses(), m.record().outcomeMeasures().get(0).analyses());
    assertEquals(demo.moreInfo(), m.record().moreInfo());
  }

  @Test
  void aCountThatIsNotANumberIsRefusedAtItsCellAndTheRestKept() {
    EntryForm f = EntryMapper.toForm(ResultsPrefill.of(RegistryFixtures.completeRecord(), null));
    EntryForm.Grid milestones = f.getFlow().getPeriods().get(0).getMilestones();
    milestones.getRows().get(0).getCells().get(0).setText("60");
    milestones.getRows().get(0).getCells().get(1).setText("sixty");
    EntryMapper.Mapped m = EntryMapper.toRecord(f);
    assertEquals(1, m.refused().size());
    ResultsFinding refused = m.refused().get(0);
    assertEquals(
        "participantFlow.periods[0].milestones[0].achievements[1].numSubjects", refused.field());
    assertEquals(refused.field(), milestones.getRows().get(0).getCells().get(1).getPath());
    assertEquals(
        "sixty", milestones.getRows().get(0).getCells().get(1).getText(), "the typed text stays");
    var started = m.record().participantFlow().periods().get(0).milestones().get(0).achievements();
    assertEquals(60, started.get(0).numSubjects());
    assertNull(started.get(1).numSubjects());
  }

  @Test
  void limitsAreReadFromLowerToUpperAndFindingsNameTheCellsPath() {
    EntryForm f = EntryMapper.toForm(ResultsPrefill.of(RegistryFixtures.completeRecord(), null));
    EntryForm.Outcome o = f.getOutcomes().get(0);
    o.getF().put("dispersionType", "CONFIDENCE_95");
    o.getTable().getRows().get(0).getCells().get(0).setText("41.5");
    o.getTable().getRows().get(0).getCells().get(1).setText("30.1 to 52.9");
    o.getTable().getRows().get(0).getCells().get(2).setText("6");
    o.getTable().getRows().get(0).getCells().get(3).setText("wide");
    EntryMapper.Mapped m = EntryMapper.toRecord(f);
    var ms =
        m.record().outcomeMeasures().get(0).classes().get(0).categories().get(0).measurements();
    assertEquals("30.1", ms.get(0).lowerLimit());
    assertEquals("52.9", ms.get(0).upperLimit());
    assertEquals(
        "outcomeMeasures[0].classes[0].categories[0].measurements[1].lowerLimit",
        m.refused().get(0).field());
    assertEquals("outcomeMeasures[0]", o.getPath());
    List<ResultsFinding> checked =
        ResultsValidator.validate(m.record(), List.of("PASI 75 response"));
    assertTrue(
        checked.stream().anyMatch(x -> x.field().equals(o.getPath() + ".unitOfMeasure")),
        "the missing unit is found at the outcome's field: " + checked);
  }

  @Test
  void emptyRowsAreLeftOutAndAddingAGroupAddsItsCellsEverywhere() {
    EntryForm f = EntryMapper.toForm(ResultsPrefill.of(RegistryFixtures.completeRecord(), null));
    f.addRow(f.getEvents().getSerious());
    f.getEvents().addGroup();
    assertEquals(
        9,
        f.getEvents().getSerious().getRows().get(0).getCells().size(),
        "3 groups × affected, at risk, events");
    assertEquals(3, f.getEvents().getTotals().getRows().get(0).getCells().size());
    EntryMapper.Mapped m = EntryMapper.toRecord(f);
    assertTrue(m.record().adverseEvents().seriousEvents().isEmpty());
    assertEquals(3, m.record().adverseEvents().eventGroups().size());
    assertEquals("EG002", m.record().adverseEvents().eventGroups().get(2).id());
  }

  /**
   * A ClinicalTrials.gov import, shown in the entry form and saved from it unchanged, exports every
   * value the import mapped, at its path: nothing is lost on the way through the page.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "NCT00763412",
        "results-outcome_analysis",
        "results-reported_event",
        "results-drop_withdrawl"
      })
  void aCtGovImportSurvivesTheForm(String name) throws Exception {
    String json = Files.readString(Vectors.dir("ctgov").resolve(name + ".json"));
    ResultsImport imported = CtGovResultsImporter.importResults(json, ARMS);
    EntryMapper.Mapped m = EntryMapper.toRecord(EntryMapper.toForm(imported.record()));
    assertEquals(List.of(), m.refused());
    Map<String, String> expected =
        leaves(CtGovResultsExporter.resultsSection(imported.record()), "resultsSection");
    assertEquals(
        expected, leaves(CtGovResultsExporter.resultsSection(m.record()), "resultsSection"));
    // the record beyond the API (arms tied, unreported outcomes) survives too
    assertEquals(imported.record(), m.record());
  }

  @Test
  void eventCountsSeveralDenominatorsAndUnitsSurviveTheForm() throws Exception {
    String json = Files.readString(Vectors.dir("ctgov").resolve("results-reported_event.json"));
    ResultsRecord r = CtGovResultsImporter.importResults(json, ARMS).record();
    assertEquals(5, r.adverseEvents().seriousEvents().get(0).stats().get(0).numEvents());
    EntryMapper.Mapped m = EntryMapper.toRecord(EntryMapper.toForm(r));
    assertEquals(5, m.record().adverseEvents().seriousEvents().get(0).stats().get(0).numEvents());

    String units =
        """
        {"resultsSection": {"outcomeMeasuresModule": {"outcomeMeasures": [{
          "type": "PRIMARY", "title": "Eyes healed", "unitOfMeasure": "eyes",
          "typeUnitsAnalyzed": "Eyes",
          "groups": [{"id": "OG000", "title": "1 Placebo"}, {"id": "OG001", "title": "2. repaglinide"}],
          "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": "10"},
              {"groupId": "OG001", "value": "12"}]},
            {"units": "Eyes", "counts": [{"groupId": "OG000", "value": "19"},
              {"groupId": "OG001", "value": "24"}]}],
          "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "7"},
              {"groupId": "OG001", "value": "15"}]}]}]}]},
          "participantFlowModule": {"typeUnitsAnalyzed": "Eyes",
            "groups": [{"id": "FG000", "title": "1 Placebo"}],
            "periods": [{"title": "Overall Study", "milestones": [{"type": "STARTED",
              "achievements": [{"groupId": "FG000", "numSubjects": "10", "numUnits": "19"}]}]}]}}}
        """;
    ResultsRecord u = CtGovResultsImporter.importResults(units, ARMS).record();
    ResultsRecord back = EntryMapper.toRecord(EntryMapper.toForm(u)).record();
    assertEquals(2, back.outcomeMeasures().get(0).denoms().size());
    assertEquals("Eyes", back.outcomeMeasures().get(0).denoms().get(1).units());
    assertEquals(24, back.outcomeMeasures().get(0).denoms().get(1).counts().get(1).value());
    assertEquals("Eyes", back.outcomeMeasures().get(0).typeUnitsAnalyzed());
    var started = back.participantFlow().periods().get(0).milestones().get(0);
    assertEquals(19, started.achievements().get(0).numUnits());
    assertEquals("Eyes", back.participantFlow().typeUnitsAnalyzed());
    assertEquals(u, back);
  }

  @Test
  void fieldPathsReadAsWords() {
    assertEquals(
        "Outcome measure 1 › analysis 2 › p-value",
        FieldPaths.human("outcomeMeasures[0].analyses[1].pValue"));
    assertEquals(
        "Adverse events › event group 1 › serious affected",
        FieldPaths.human("adverseEvents.eventGroups[0].seriousNumAffected"));
  }
}
