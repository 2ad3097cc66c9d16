package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.FieldError;

class DispositionRecordTest {
  private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Pseudonym p = Pseudonym.issue(SiteFixtures.seeded(3));

  private DispositionRecord of(
      DispositionRecord.Status status,
      DispositionRecord.Reason reason,
      String detail,
      LocalDate date) {
    return new DispositionRecord(
        SiteFixtures.TRIAL,
        SiteFixtures.SITE,
        p,
        status,
        reason,
        detail,
        date,
        1,
        null,
        "emuster",
        NOW.minusSeconds(5));
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aDiscontinuationNeedsAReasonAndOtherNeedsWords() {
    LocalDate day = LocalDate.of(2025, 6, 1);
    assertEquals(
        List.of(), of(DispositionRecord.Status.COMPLETED, null, null, day).validate(CLOCK));
    assertEquals(
        List.of("reason"),
        fields(of(DispositionRecord.Status.DISCONTINUED, null, null, day).validate(CLOCK)));
    assertEquals(
        List.of("detail"),
        fields(
            of(DispositionRecord.Status.DISCONTINUED, DispositionRecord.Reason.OTHER, " ", day)
                .validate(CLOCK)));
    assertEquals(
        List.of("reason"),
        fields(
            of(DispositionRecord.Status.COMPLETED, DispositionRecord.Reason.DEATH, null, day)
                .validate(CLOCK)));
    assertEquals(
        List.of("date"),
        fields(
            of(DispositionRecord.Status.COMPLETED, null, null, LocalDate.of(2025, 6, 3))
                .validate(CLOCK)),
        "not in the future");
    assertEquals(List.of("status", "date"), fields(of(null, null, null, null).validate(CLOCK)));
  }

  @Test
  void aChangeNeedsAReasonAndTheJsonRoundTrips() {
    DispositionRecord first =
        of(
            DispositionRecord.Status.DISCONTINUED,
            DispositionRecord.Reason.ADVERSE_EVENT,
            "hepatotoxicity",
            LocalDate.of(2025, 5, 30));
    DispositionRecord next =
        first.change(
            DispositionRecord.Status.COMPLETED,
            null,
            null,
            LocalDate.of(2025, 6, 1),
            null,
            "emuster",
            NOW);
    assertTrue(fields(next.validate(CLOCK)).contains("reasonForChange"));
    assertEquals(first, DispositionRecord.fromJson(first.toJson()));
    assertEquals("trialledger.disposition/1", first.toJson().get("schema"));
    assertEquals("ADVERSE_EVENT", first.toJson().get("reason"));
  }
}
