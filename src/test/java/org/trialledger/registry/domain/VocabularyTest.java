package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialledger.ledger.json.JsonParser;

class VocabularyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Phase 3|PHASE3",
        "PHASE3|PHASE3",
        "phase iii|PHASE3",
        "Phase III|PHASE3",
        "phase-3|PHASE3",
        " Phase 3 |PHASE3",
        "NA|NA",
        "N/A|NA",
        "n/a|NA",
        "Not applicable|NA",
        "Phase 0|EARLY_PHASE1",
        "Early Phase 1|EARLY_PHASE1",
        "phase iv|PHASE4"
      })
  void freeTextPhasesMapToTheirCode(String text, String code) {
    assertEquals(Optional.of(code), Vocabulary.PHASE.code(text));
  }

  @Test
  void twoPhasesInOneLineMapToBoth() {
    assertEquals(
        Optional.of(List.of("PHASE2", "PHASE3")), Vocabulary.phaseCodes("Phase 2/Phase 3"));
    assertEquals(Optional.of(List.of("PHASE1", "PHASE2")), Vocabulary.phaseCodes("Phase 1/2"));
    assertEquals(Optional.of(List.of("PHASE3")), Vocabulary.phaseCodes("phase III"));
    assertEquals(Optional.empty(), Vocabulary.phaseCodes("pilot"));
    assertEquals(Optional.empty(), Vocabulary.phaseCodes("Phase 2/pilot"));
  }

  @Test
  void textThatMeansNoCodeDoesNotMap() {
    assertEquals(Optional.empty(), Vocabulary.PHASE.code("pilot"));
    assertEquals(Optional.empty(), Vocabulary.MASKING.code("blinded assessor"));
    assertEquals(Optional.empty(), Vocabulary.ALLOCATION.code(""));
    assertEquals("blinded assessor", Vocabulary.MASKING.label("blinded assessor"));
  }

  @Test
  void otherSpellingsOfTheDesignMap() {
    assertEquals(Optional.of("RANDOMIZED"), Vocabulary.ALLOCATION.code("Randomised"));
    assertEquals(Optional.of("NON_RANDOMIZED"), Vocabulary.ALLOCATION.code("non-randomised"));
    assertEquals(Optional.of("DOUBLE"), Vocabulary.MASKING.code("double blind"));
    assertEquals(Optional.of("NONE"), Vocabulary.MASKING.code("Open label"));
    assertEquals(
        Optional.of("PARALLEL"), Vocabulary.INTERVENTION_MODEL.code("Parallel assignment"));
    assertEquals(Optional.of("PLACEBO_COMPARATOR"), Vocabulary.ARM_TYPE.code("placebo comparator"));
  }

  /** Every code and every label of every vocabulary means that code, and labels are no codes. */
  @Test
  void everyCodeAndLabelMapsBackToItsCode() {
    for (Vocabulary v : Vocabulary.values()) {
      for (Map.Entry<String, String> e : v.labels().entrySet()) {
        assertEquals(Optional.of(e.getKey()), v.code(e.getKey()), v + " " + e.getKey());
        assertEquals(Optional.of(e.getKey()), v.code(e.getValue()), v + " " + e.getValue());
        assertEquals(e.getValue(), v.label(e.getKey()));
        assertTrue(
            !e.getValue().contains("_") && !e.getValue().equals(e.getKey()),
            v + ": the label of " + e.getKey() + " is for people");
      }
    }
  }

  /** The record's enums and the vocabularies name the same codes, in the same order. */
  @Test
  void enumsOfTheRecordAreTheirVocabularies() {
    enumIs(Vocabulary.RECRUITMENT_STATUS, RegistrationRecord.RecruitmentStatus.values());
    enumIs(Vocabulary.STUDY_TYPE, RegistrationRecord.StudyType.values());
    enumIs(Vocabulary.DATE_TYPE, RegistrationRecord.DateType.values());
    enumIs(Vocabulary.SEX, RegistrationRecord.Sex.values());
    enumIs(Vocabulary.IPD_PLAN, RegistrationRecord.IpdPlan.values());
    enumIs(Vocabulary.ETHICS_STATUS, RegistrationRecord.EthicsStatus.values());
  }

  private static void enumIs(Vocabulary v, Enum<?>[] values) {
    assertEquals(Stream.of(values).map(Enum::name).toList(), List.copyOf(v.labels().keySet()));
  }

  /**
   * Every code the ClinicalTrials.gov records of the test corpus use for a coded item is a code of
   * its vocabulary: the vocabularies are CT.gov API v2's.
   */
  @Test
  @SuppressWarnings("unchecked")
  void ctGovRecordsOfTheCorpusUseOnlyCodesOfTheVocabularies() throws IOException {
    Map<String, Vocabulary> byPath =
        Map.of(
            "designModule.phases", Vocabulary.PHASE,
            "designModule.designInfo.allocation", Vocabulary.ALLOCATION,
            "designModule.designInfo.interventionModel", Vocabulary.INTERVENTION_MODEL,
            "designModule.designInfo.primaryPurpose", Vocabulary.PRIMARY_PURPOSE,
            "designModule.designInfo.maskingInfo.masking", Vocabulary.MASKING,
            "armsInterventionsModule.interventions.type", Vocabulary.INTERVENTION_TYPE,
            "armsInterventionsModule.armGroups.type", Vocabulary.ARM_TYPE,
            "statusModule.overallStatus", Vocabulary.RECRUITMENT_STATUS,
            "designModule.studyType", Vocabulary.STUDY_TYPE,
            "eligibilityModule.sex", Vocabulary.SEX);
    List<String> seen = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/vectors/ctgov"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Map<String, Object> study = (Map<String, Object>) JsonParser.parse(Files.readString(f));
        Object protocol = study.get("protocolSection");
        if (protocol == null) continue; // a results-only fragment (vectors/ctgov/README.md)
        byPath.forEach(
            (path, vocabulary) ->
                values(protocol, path.split("\\."))
                    .forEach(
                        code -> {
                          seen.add(path);
                          assertTrue(vocabulary.contains(code), f + " " + path + " " + code);
                        }));
      }
    }
    assertTrue(seen.size() >= 10, "the corpus has coded items: " + seen);
  }

  @SuppressWarnings("unchecked")
  private static List<String> values(Object node, String[] path) {
    List<Object> level = List.of(node);
    for (String step : path) {
      List<Object> next = new ArrayList<>();
      for (Object o : level) {
        Object v = o instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(step) : null;
        if (v instanceof List<?> l) next.addAll(l);
        else if (v != null) next.add(v);
      }
      level = next;
    }
    return level.stream().map(String::valueOf).toList();
  }
}
