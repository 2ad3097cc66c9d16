package org.trialledger.results.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialledger.ledger.Vectors;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsRecord.AssessmentType;
import org.trialledger.results.domain.ResultsRecord.OutcomeType;

public class CtGovResultsImporterTest {
  static final List<String> ARMS = List.of("1 Placebo", "2. repaglinide");

  static String vector(String name) {
    try {
      return Files.readString(Vectors.dir("ctgov").resolve(name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResultsImport importVector(String name) {
    return CtGovResultsImporter.importResults(vector(name), ARMS);
  }

  @Test
  void mapsAllFiveModulesOfARealRecord() {
    ResultsImport imported = importVector("NCT00763412");
    ResultsRecord r = imported.record();
    assertEquals(List.of(), imported.unmapped(), "every results path has a home");

    assertEquals(2, r.participantFlow().groups().size());
    assertEquals("1 Placebo", r.participantFlow().groups().get(0).armLabel());
    assertEquals("2. repaglinide", r.participantFlow().groups().get(1).armLabel());
    var started = r.participantFlow().periods().get(0).milestones().get(0);
    assertEquals("STARTED", started.type());
    assertEquals(8, started.achievements().get(0).numSubjects());

    assertEquals(3, r.baseline().groups().size());
    assertEquals("1 Placebo", r.baseline().groups().get(0).armLabel());
    assertNull(r.baseline().groups().get(2).armLabel(), "the Total column reports no arm");
    assertEquals(8, r.baseline().denoms().get(0).counts().get(2).value());
    assertEquals("Participants", r.baseline().measures().get(0).unitOfMeasure());

    assertEquals(9, r.outcomeMeasures().size());
    var bmi = r.outcomeMeasures().get(0);
    assertEquals(OutcomeType.PRIMARY, bmi.type());
    assertEquals("Kg/m^2", bmi.unitOfMeasure());
    var cell = bmi.classes().get(0).categories().get(0).measurements().get(0);
    assertEquals("19.63", cell.value(), "decimals stay as written");
    assertEquals("15.56", cell.lowerLimit());

    assertEquals(8, r.adverseEvents().eventGroups().get(0).seriousNumAtRisk());
    assertEquals("1 Placebo", r.adverseEvents().eventGroups().get(0).armLabel());
    assertEquals(
        "A limitation of the study was the very small sample size.",
        r.moreInfo().limitationsAndCaveats());
    assertEquals(Boolean.FALSE, r.moreInfo().certainAgreement().piSponsorEmployee());
    assertEquals("314-286-1138", r.moreInfo().pointOfContact().phone());
    assertTrue(
        imported.warnings().stream().noneMatch(w -> w.contains("matches no registered arm")),
        imported.warnings().toString());
  }

  @Test
  void mapsStatisticalAnalyses() {
    ResultsImport imported = importVector("results-outcome_analysis");
    assertEquals(List.of(), imported.unmapped());
    var a = imported.record().outcomeMeasures().get(1).analyses().get(0);
    assertEquals(List.of("OG000", "OG001"), a.groupIds());
    assertEquals("OTHER", a.nonInferiorityType());
    assertEquals("<0.001", a.pValue());
    assertEquals("Odds Ratio (OR)", a.paramType());
    assertEquals("95", a.ciPctValue());
    assertEquals("TWO_SIDED", a.ciNumSides());
    assertEquals("4.127", a.ciLowerLimit());
    assertEquals("13.401", a.ciUpperLimit());
    assertEquals("STANDARD_ERROR_OF_MEAN", a.dispersionType());
    assertEquals("0.73", a.dispersionValue());
  }

  @Test
  void mapsSeriousAndOtherEventsByTermAndGroup() {
    ResultsImport imported = importVector("results-reported_event");
    assertEquals(List.of(), imported.unmapped());
    var ae = imported.record().adverseEvents();
    var e = ae.seriousEvents().get(0);
    assertEquals("Febrile Neutropenia", e.term());
    assertEquals("Blood and lymphatic system disorders", e.organSystem());
    assertEquals("MedDRA 21.0", e.sourceVocabulary());
    assertEquals(AssessmentType.SYSTEMATIC_ASSESSMENT, e.assessmentType());
    assertEquals(5, e.stats().get(0).numEvents());
    assertNull(e.stats().get(1).numEvents());
    assertFalse(ae.otherEvents().isEmpty());
    assertTrue(
        imported.warnings().stream().anyMatch(w -> w.contains("matches no registered arm")),
        "groups of another trial match none of these arms");
  }

  @Test
  void mapsReasonsForWithdrawal() {
    ResultsImport imported = importVector("results-drop_withdrawl");
    var drops = imported.record().participantFlow().periods().get(0).dropWithdraws();
    assertEquals("Objective progression or relapse", drops.get(0).type());
    assertEquals(8, drops.get(0).reasons().get(0).numSubjects());
    assertEquals(8, drops.get(0).reasons().get(0).numUnits(), "a number where others use text");
    // the fragment carries a stray hasResults inside resultsSection: listed, not dropped
    assertEquals(List.of("resultsSection.hasResults"), imported.unmapped());
  }

  @Test
  void listsUnknownFieldsAndWarnsAboutWrongTypes() {
    String json =
        """
        {"resultsSection": {
          "participantFlowModule": {"groups": [{"id": "FG000", "title": "Placebo"}],
            "periods": [{"title": "Overall", "milestones": [{"type": "STARTED",
              "achievements": [{"groupId": "FG000", "numSubjects": "eight"}]}]}],
            "newField": "x"},
          "outcomeMeasuresModule": {"outcomeMeasures": [{"type": "SOMETIMES", "title": "T"}]},
          "annotationSection": {"a": 1}}}
        """;
    ResultsImport imported = CtGovResultsImporter.importResults(json, ARMS);
    assertEquals(
        List.of(
            "resultsSection.participantFlowModule.periods[0].milestones[0].achievements[0]"
                + ".numSubjects",
            "resultsSection.participantFlowModule.newField",
            "resultsSection.outcomeMeasuresModule.outcomeMeasures[0].type",
            "resultsSection.annotationSection"),
        imported.unmapped());
    assertTrue(imported.warnings().stream().anyMatch(w -> w.contains("numSubjects")));
    assertTrue(imported.warnings().stream().anyMatch(w -> w.contains("SOMETIMES")));
    assertNull(
        imported
            .record()
            .participantFlow()
            .periods()
            .get(0)
            .milestones()
            .get(0)
            .achievements()
            .get(0)
            .numSubjects());
  }

  @Test
  void refusesARecordWithoutResults() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CtGovResultsImporter.importResults(vector("NCT06171568"), ARMS));
    assertTrue(e.getMessage().contains("no results"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> CtGovResultsImporter.importResults("[1]", ARMS));
    assertThrows(
        IllegalArgumentException.class, () -> CtGovResultsImporter.importResults("{", ARMS));
  }

  /** Import then export keeps every mapped value, at the same path, with the same text. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "NCT00763412",
        "results-outcome_analysis",
        "results-reported_event",
        "results-drop_withdrawl"
      })
  void roundTripKeepsEveryMappedValue(String name) {
    JsonObject original = Json.createReader(new StringReader(vector(name))).readObject();
    ResultsImport imported = CtGovResultsImporter.importResults(original, ARMS);
    JsonObject exported =
        Json.createObjectBuilder()
            .add("resultsSection", CtGovResultsExporter.resultsSection(imported.record()))
            .build();
    Map<String, String> expected =
        leaves(original.getJsonObject("resultsSection"), "resultsSection");
    expected.keySet().removeIf(p -> imported.unmapped().stream().anyMatch(u -> under(p, u)));
    assertFalse(expected.isEmpty());
    assertEquals(expected, leaves(exported.getJsonObject("resultsSection"), "resultsSection"));
    // and the record survives its own round trip unchanged
    ResultsImport again = CtGovResultsImporter.importResults(exported, ARMS);
    assertEquals(imported.record(), again.record());
    assertEquals(List.of(), again.unmapped());
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
  }

  /** Every leaf that holds a value, by path, as text (numbers and digit strings alike). */
  public static Map<String, String> leaves(JsonValue v, String path) {
    Map<String, String> out = new TreeMap<>();
    collect(v, path, out);
    return out;
  }

  private static void collect(JsonValue v, String path, Map<String, String> out) {
    if (v instanceof JsonObject o) {
      o.forEach((k, x) -> collect(x, path + "." + k, out));
    } else if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) collect(a.get(i), path + "[" + i + "]", out);
    } else if (v instanceof JsonString s) {
      if (!s.getString().isBlank()) out.put(path, s.getString());
    } else if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
      out.put(path, v.toString());
    }
  }

  @Test
  void aRealRecordValidatesWithItsKnownGapAsAWarning() {
    var findings =
        org.trialledger.results.domain.ResultsValidator.validate(
            importVector("NCT00763412").record(), List.of("BMI", "Body Composition", "CRP"));
    // baseline analysed 4 of the 8 who started in each arm (and 8 of 16 in total)
    assertEquals(3, findings.size(), findings.toString());
    assertTrue(
        findings.stream()
            .allMatch(
                f ->
                    f.severity() == org.trialledger.results.domain.ResultsFinding.Severity.WARNING
                        && f.field().startsWith("baseline.denoms[0].counts[")),
        findings.toString());
  }
}
