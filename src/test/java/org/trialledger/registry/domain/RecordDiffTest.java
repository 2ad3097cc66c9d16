package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

class RecordDiffTest {
  @Test
  void identicalRecordsDifferNowhere() {
    RegistrationRecord r = RegistryFixtures.completeRecord();
    assertTrue(RecordDiff.compare(r, r).stream().noneMatch(RecordDiff.Row::isChanged));
    assertEquals(List.of(), RecordDiff.changedItems(r, r));
  }

  @Test
  void changedAddedAndRemovedItemsAreNamedWithTheirWhoLabels() {
    RegistrationRecord before = RegistryFixtures.completeRecord();
    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        (Map<String, Object>) JsonParser.parse(CanonicalJson.write(RecordCodec.encode(before)));
    json.put("recruitmentStatus", "RECRUITING");
    json.remove("acronym");
    ((Map<String, Object>) json.get("enrolment")).put("count", 300L);
    json.put(
        "briefSummary",
        "This study tests whether helixumab clears psoriasis plaques faster than placebo.");
    RegistrationRecord after = RecordCodec.decode(json, RegistrationRecord.class);

    List<RecordDiff.Row> changed =
        RecordDiff.compare(before, after).stream().filter(RecordDiff.Row::isChanged).toList();
    assertEquals(4, changed.size(), changed.toString());
    RecordDiff.Row status = row(changed, "recruitmentStatus");
    assertEquals(RecordDiff.Change.CHANGED, status.change());
    assertEquals("18. Recruitment status", status.label());
    assertEquals("NOT_YET_RECRUITING", status.left());
    assertEquals("RECRUITING", status.right());
    assertEquals(RecordDiff.Change.REMOVED, row(changed, "acronym").change());
    assertEquals("17. Sample size · count", row(changed, "enrolment.count").label());
    assertEquals(
        List.of("10. Acronym", "17. Sample size", "18. Recruitment status", "Brief summary"),
        RecordDiff.changedItems(before, after).stream().sorted().toList());

    List<TextDiff.Segment> words = row(changed, "briefSummary").segments();
    assertTrue(
        words.contains(new TextDiff.Segment(TextDiff.Kind.DELETED, "better")), words.toString());
    assertTrue(
        words.contains(new TextDiff.Segment(TextDiff.Kind.INSERTED, "faster")), words.toString());
  }

  @Test
  void theWordDiffRebuildsBothTexts() {
    String a = "Adults aged 18 to 65 with  moderate psoriasis";
    String b = "Adults aged 18 to 75 with moderate or severe psoriasis, no prior biologics";
    List<TextDiff.Segment> segments = TextDiff.words(a, b);
    StringBuilder left = new StringBuilder();
    StringBuilder right = new StringBuilder();
    for (TextDiff.Segment s : segments) {
      if (!s.isInserted()) left.append(s.text());
      if (!s.isDeleted()) right.append(s.text());
    }
    assertEquals(a, left.toString());
    assertEquals(b, right.toString());
  }

  private static RecordDiff.Row row(List<RecordDiff.Row> rows, String path) {
    return rows.stream()
        .filter(r -> r.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not in " + rows));
  }
}
