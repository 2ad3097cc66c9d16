package org.trialledger.results.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.RegistryFixtures;
import org.trialledger.results.domain.ResultsFinding;
import org.trialledger.results.domain.ResultsPrefill;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsValidator;

class EntryMapperTest {
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
        6,
        f.getEvents().getSerious().getRows().get(0).getCells().size(),
        "3 groups × affected, at risk");
    assertEquals(3, f.getEvents().getTotals().getRows().get(0).getCells().size());
    EntryMapper.Mapped m = EntryMapper.toRecord(f);
    assertTrue(m.record().adverseEvents().seriousEvents().isEmpty());
    assertEquals(3, m.record().adverseEvents().eventGroups().size());
    assertEquals("EG002", m.record().adverseEvents().eventGroups().get(2).id());
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
