package org.trialledger.results.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.Period;

class ResultsRecordTest {
  static ResultsRecord flowOnly(int started) {
    return new ResultsRecord(
        null,
        new ParticipantFlow(
            null,
            null,
            null,
            List.of(new Group("FG000", "Placebo", null, "1 Placebo")),
            List.of(
                new Period(
                    "Overall Study",
                    List.of(
                        new Milestone(
                            "STARTED",
                            null,
                            List.of(new GroupCount("FG000", started, null, null)))),
                    null))),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void canonicalJsonIsSortedLeavesOutAbsentValuesAndNamesItsSchema() {
    assertEquals(
        "{\"participantFlow\":{\"groups\":[{\"armLabel\":\"1 Placebo\",\"id\":\"FG000\","
            + "\"title\":\"Placebo\"}],\"periods\":[{\"milestones\":[{\"achievements\":"
            + "[{\"groupId\":\"FG000\",\"numSubjects\":8}],\"type\":\"STARTED\"}],"
            + "\"title\":\"Overall Study\"}]},\"schema\":\"trialledger.results/1\"}",
        flowOnly(8).canonicalJson());
  }

  @Test
  void parsesItsCanonicalJsonBackAndHashesTheBytes() {
    ResultsRecord r = flowOnly(8);
    assertEquals(r, ResultsRecord.parse(r.canonicalJson()));
    assertEquals(
        Hash.sha256(r.canonicalJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)), r.hash());
    assertNotEquals(r.hash(), flowOnly(9).hash(), "one count changes the hash");
    assertEquals(
        ResultsRecord.empty().hash(),
        ResultsRecord.parse("{\"schema\":\"trialledger.results/1\"}").hash());
  }

  @Test
  void refusesOtherSchemasAndUnknownFields() {
    assertThrows(IllegalArgumentException.class, () -> ResultsRecord.parse("{\"schema\":\"x\"}"));
    InvalidRecordException e =
        assertThrows(
            InvalidRecordException.class,
            () ->
                ResultsRecord.parse(
                    "{\"schema\":\"trialledger.results/1\",\"baseline\":{\"colour\":\"red\"}}"));
    assertTrue(e.getMessage().contains("baseline.colour"), e.getMessage());
  }
}
