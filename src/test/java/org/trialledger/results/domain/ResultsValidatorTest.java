package org.trialledger.results.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.results.domain.ResultsFinding.Severity;

/** One test per rule, each breaking one value of a record that passes them all. */
class ResultsValidatorTest {
  static final List<String> PRIMARY = List.of("Pain score");

  /** Two arms, ten started in each; every rule satisfied. */
  static final String VALID =
      """
      {"schema": "trialledger.results/1",
       "participantFlow": {
         "groups": [{"id": "FG000", "title": "Drug", "armLabel": "Drug"},
                    {"id": "FG001", "title": "Placebo", "armLabel": "Placebo"}],
         "periods": [{"title": "Overall Study", "milestones": [
           {"type": "STARTED", "achievements": [{"groupId": "FG000", "numSubjects": 10},
                                                {"groupId": "FG001", "numSubjects": 10}]},
           {"type": "COMPLETED", "achievements": [{"groupId": "FG000", "numSubjects": 9},
                                                  {"groupId": "FG001", "numSubjects": 10}]}]}]},
       "baseline": {
         "groups": [{"id": "BG000", "title": "Drug", "armLabel": "Drug"},
                    {"id": "BG001", "title": "Placebo", "armLabel": "Placebo"},
                    {"id": "BG002", "title": "Total"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "BG000", "value": 10},
                     {"groupId": "BG001", "value": 10}, {"groupId": "BG002", "value": 20}]}],
         "measures": [{"title": "Age", "paramType": "MEAN", "unitOfMeasure": "years",
           "classes": [{"categories": [{"measurements": [{"groupId": "BG000", "value": "41.2"}]}]}]}]},
       "outcomeMeasures": [{"type": "PRIMARY", "title": "Pain score", "unitOfMeasure": "points",
         "groups": [{"id": "OG000", "title": "Drug", "armLabel": "Drug"},
                    {"id": "OG001", "title": "Placebo", "armLabel": "Placebo"}],
         "denoms": [{"units": "Participants", "counts": [{"groupId": "OG000", "value": 9},
                                                         {"groupId": "OG001", "value": 10}]}],
         "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "3.1"}]}]}],
         "analyses": [{"groupIds": ["OG000", "OG001"], "pValue": "0.03", "paramType": "Mean Difference",
           "paramValue": "-1.2", "ciPctValue": "95", "ciNumSides": "TWO_SIDED",
           "ciLowerLimit": "-2.0", "ciUpperLimit": "-0.5"}]}],
       "adverseEvents": {
         "eventGroups": [
           {"id": "EG000", "title": "Drug", "armLabel": "Drug", "seriousNumAffected": 2,
            "seriousNumAtRisk": 10, "otherNumAffected": 3, "otherNumAtRisk": 10},
           {"id": "EG001", "title": "Placebo", "armLabel": "Placebo", "seriousNumAffected": 0,
            "seriousNumAtRisk": 10, "otherNumAffected": 1, "otherNumAtRisk": 10}],
         "seriousEvents": [{"term": "Pneumonia", "organSystem": "Infections and infestations",
           "sourceVocabulary": "MedDRA 26.0", "assessmentType": "SYSTEMATIC_ASSESSMENT",
           "stats": [{"groupId": "EG000", "numAffected": 2, "numAtRisk": 10},
                     {"groupId": "EG001", "numAffected": 0, "numAtRisk": 10}]}],
         "otherEvents": [{"term": "Nausea", "organSystem": "Gastrointestinal disorders",
           "stats": [{"groupId": "EG000", "numAffected": 3, "numAtRisk": 10}]}]}}
      """;

  static List<ResultsFinding> validate(String json) {
    return ResultsValidator.validate(ResultsRecord.parse(json), PRIMARY);
  }

  static String with(String from, String to) {
    assertTrue(VALID.contains(from), "the fixture holds " + from);
    return VALID.replace(from, to);
  }

  static void assertOnly(List<ResultsFinding> findings, Severity severity, String field) {
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(severity, findings.get(0).severity(), findings.toString());
    assertEquals(field, findings.get(0).field());
    assertFalse(findings.get(0).message().isBlank());
  }

  @Test
  void theFixturePassesEveryRule() {
    assertEquals(List.of(), validate(VALID));
  }

  @Test
  void groupCountsConsistentAcrossModules() {
    // adverse events for one arm only
    var f =
        validate(
            with(
                "\"title\": \"Placebo\", \"armLabel\": \"Placebo\", \"seriousNumAffected\"",
                "\"title\": \"Placebo\", \"seriousNumAffected\""));
    assertOnly(f, Severity.WARNING, "adverseEvents.eventGroups");
    // baseline analyses fewer than started: asked to explain
    f =
        validate(
            with(
                "{\"groupId\": \"BG000\", \"value\": 10}",
                "{\"groupId\": \"BG000\", \"value\": 8}"));
    assertOnly(f, Severity.WARNING, "baseline.denoms[0].counts[0].value");
  }

  @Test
  void denominatorsAtMostTheParticipantsStarted() {
    var f =
        validate(
            with(
                "{\"groupId\": \"OG000\", \"value\": 9}",
                "{\"groupId\": \"OG000\", \"value\": 11}"));
    assertOnly(f, Severity.ERROR, "outcomeMeasures[0].denoms[0].counts[0].value");
    f =
        validate(
            with(
                "\"seriousNumAtRisk\": 10, \"otherNumAffected\": 3",
                "\"seriousNumAtRisk\": 12, \"otherNumAffected\": 3"));
    assertOnly(f, Severity.ERROR, "adverseEvents.eventGroups[0].seriousNumAtRisk");
  }

  @Test
  void unitsPresent() {
    var f = validate(with("\"unitOfMeasure\": \"points\",", ""));
    assertOnly(f, Severity.ERROR, "outcomeMeasures[0].unitOfMeasure");
    f = validate(with("\"unitOfMeasure\": \"years\",", "\"unitOfMeasure\": \" \","));
    assertOnly(f, Severity.ERROR, "baseline.measures[0].unitOfMeasure");
  }

  @Test
  void pValuesBetweenZeroAndOne() {
    assertEquals(List.of(), validate(with("\"pValue\": \"0.03\"", "\"pValue\": \"<0.001\"")));
    assertEquals(List.of(), validate(with("\"pValue\": \"0.03\"", "\"pValue\": \"1\"")));
    assertOnly(
        validate(with("\"pValue\": \"0.03\"", "\"pValue\": \"1.3\"")),
        Severity.ERROR,
        "outcomeMeasures[0].analyses[0].pValue");
    assertOnly(
        validate(with("\"pValue\": \"0.03\"", "\"pValue\": \"-0.1\"")),
        Severity.ERROR,
        "outcomeMeasures[0].analyses[0].pValue");
    assertOnly(
        validate(with("\"pValue\": \"0.03\"", "\"pValue\": \"significant\"")),
        Severity.ERROR,
        "outcomeMeasures[0].analyses[0].pValue");
  }

  @Test
  void confidenceLevelWithItsBounds() {
    String at = "outcomeMeasures[0].analyses[0].";
    assertOnly(validate(with("\"ciPctValue\": \"95\", ", "")), Severity.ERROR, at + "ciPctValue");
    assertOnly(
        validate(with("\"ciPctValue\": \"95\"", "\"ciPctValue\": \"100\"")),
        Severity.ERROR,
        at + "ciPctValue");
    assertOnly(
        validate(
            with(
                "\"ciLowerLimit\": \"-2.0\", \"ciUpperLimit\": \"-0.5\"",
                "\"estimateComment\": \"x\"")),
        Severity.ERROR,
        at + "ciLowerLimit");
    assertOnly(
        validate(with("\"ciLowerLimit\": \"-2.0\"", "\"ciLowerLimit\": \"0.1\"")),
        Severity.ERROR,
        at + "ciUpperLimit");
    assertOnly(
        validate(with("\"ciLowerLimit\": \"-2.0\"", "\"ciLowerLimit\": \"NA\"")),
        Severity.ERROR,
        at + "ciLowerLimit");
    assertEquals(
        List.of(),
        validate(
            with(
                "\"ciLowerLimit\": \"-2.0\"",
                "\"ciLowerLimit\": \"NA\", \"ciLowerLimitComment\": \"too few events\"")));
    assertOnly(
        validate(with("\"paramValue\": \"-1.2\"", "\"paramValue\": \"0.2\"")),
        Severity.WARNING,
        at + "paramValue");
  }

  @Test
  void everyRegisteredPrimaryOutcomeReportedOrExplained() {
    String renamed = with("\"title\": \"Pain score\"", "\"title\": \"Pain\"");
    assertOnly(validate(renamed), Severity.ERROR, "outcomeMeasures");
    String explained =
        renamed.replace(
            "\"adverseEvents\":",
            "\"unreportedOutcomes\": [{\"measure\": \"pain  SCORE\", \"reason\": \"Assay lost\"}], \"adverseEvents\":");
    assertEquals(List.of(), validate(explained));
    var f = validate(explained.replace("\"Assay lost\"", "\" \""));
    assertEquals(2, f.size(), f.toString());
    assertEquals("unreportedOutcomes[0].reason", f.get(1).field());
  }

  @Test
  void adverseEventTotalsAtLeastAnySingleTerm() {
    var f = validate(with("\"seriousNumAffected\": 2,", "\"seriousNumAffected\": 1,"));
    assertOnly(f, Severity.ERROR, "adverseEvents.eventGroups[0].seriousNumAffected");
    assertTrue(f.get(0).message().contains("Pneumonia"), f.get(0).message());
    f = validate(with("\"otherNumAffected\": 3,", "\"otherNumAffected\": 2,"));
    assertOnly(f, Severity.ERROR, "adverseEvents.eventGroups[0].otherNumAffected");
    f =
        validate(
            with(
                "{\"groupId\": \"EG000\", \"numAffected\": 3, \"numAtRisk\": 10}",
                "{\"groupId\": \"EG000\", \"numAffected\": 3, \"numAtRisk\": 2}"));
    assertOnly(f, Severity.ERROR, "adverseEvents.otherEvents[0].stats[0].numAffected");
  }

  @Test
  void theDemoTrialsResultsPassAgainstItsRegistration() throws Exception {
    String json;
    try (var in = getClass().getResourceAsStream("/results/helix-pso-results.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(
        List.of(),
        ResultsValidator.validate(ResultsRecord.parse(json), List.of("PASI 75 response")));
  }
}
