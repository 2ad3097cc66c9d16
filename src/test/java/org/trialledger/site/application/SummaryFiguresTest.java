package org.trialledger.site.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.site.domain.SummaryResults;

/**
 * Summary results published twice with the same figures are a duplicate: the comparison ignores
 * only the version number and the time, never a figure.
 */
class SummaryFiguresTest {

  private static String json(int version, Instant at, SummaryResults s) {
    return CanonicalJson.write(SummaryPublication.toJson("TLR-00000001-3", version, at, s));
  }

  private static SummaryResults summary(int enrolled, int withdrawn) {
    return new SummaryResults(
        new SummaryResults.ParticipantFlow(enrolled, enrolled, withdrawn, 0), List.of(), List.of());
  }

  @Test
  void theSameFiguresAtAnotherVersionAndTimeAreTheSame() {
    assertEquals(
        SummaryPublication.figures(json(1, Instant.parse("2026-11-01T10:00:00Z"), summary(3, 0))),
        SummaryPublication.figures(json(2, Instant.parse("2026-11-28T10:00:00Z"), summary(3, 0))));
  }

  @Test
  void anyChangedFigureIsNew() {
    Instant at = Instant.parse("2026-11-28T10:00:00Z");
    assertNotEquals(
        SummaryPublication.figures(json(1, at, summary(3, 0))),
        SummaryPublication.figures(json(1, at, summary(3, 1))));
    assertNotEquals(
        SummaryPublication.figures(json(1, at, summary(3, 0))),
        SummaryPublication.figures(json(1, at, summary(4, 0))));
  }
}
