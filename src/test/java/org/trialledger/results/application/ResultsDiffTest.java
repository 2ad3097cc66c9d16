package org.trialledger.results.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.results.domain.ResultsRecord;

class ResultsDiffTest {
  @Test
  void twoResultsVersionsDifferFieldByFieldInWords() throws Exception {
    ResultsRecord v1 = EntryMapperTest.demo();
    String json =
        v1.canonicalJson()
            .replace("\"timeFrame\":\"Week 16\"", "\"timeFrame\":\"Week 16 and week 20\"");
    ResultsRecord v2 = ResultsRecord.parse(json);
    List<RecordDiff.Row> rows = ResultsDiff.compare(v1, v2);
    List<RecordDiff.Row> changed = rows.stream().filter(RecordDiff.Row::isChanged).toList();
    assertEquals(1, changed.size(), changed.toString());
    RecordDiff.Row r = changed.get(0);
    assertEquals("outcomeMeasures[0].timeFrame", r.path());
    assertEquals("Outcome measure 1 › time frame", r.label());
    assertEquals("Week 16", r.left());
    assertEquals("Week 16 and week 20", r.right());
    assertEquals(RecordDiff.Change.CHANGED, r.change());
    assertTrue(r.segments().stream().anyMatch(s -> s.isInserted()), "the words added are marked");
    assertEquals("participantFlow", rows.get(0).path().substring(0, 15), "in the record's order");

    ResultsRecord noEvents =
        new ResultsRecord(
            null,
            v1.participantFlow(),
            v1.baseline(),
            v1.outcomeMeasures(),
            v1.unreportedOutcomes(),
            null,
            v1.moreInfo());
    List<RecordDiff.Row> removed =
        ResultsDiff.compare(v1, noEvents).stream().filter(RecordDiff.Row::isChanged).toList();
    assertTrue(
        removed.stream()
            .allMatch(
                x ->
                    x.change() == RecordDiff.Change.REMOVED
                        && x.path().startsWith("adverseEvents")),
        removed.toString());
    assertTrue(!removed.isEmpty());
  }
}
