package org.trialledger.site.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the site pages read typed moments and name fields in messages. */
class SiteInputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-11-24T09:30:00Z, 2026-11-24T09:30:00Z",
    "2026-11-24 09:30,     2026-11-24T09:30:00Z",
    "2026-11-24T09:30,     2026-11-24T09:30:00Z",
    "' 2026-11-24 09:30 ', 2026-11-24T09:30:00Z"
  })
  void aMomentIsReadInUtc(String typed, String instant) {
    assertEquals(Instant.parse(instant), UtcDateTime.parse(typed));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", " ", "2026-02-30 09:30", "24.11.2026", "2026-11-24T25:00", "now"})
  void aMomentThatIsNotOneIsNothing(String typed) {
    assertNull(UtcDateTime.parse(typed));
  }

  /** Every field the site services and records name in their errors reads as words. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "occurredAt",
        "signature.signedAt",
        "signature.signer",
        "consentForm",
        "event",
        "reason",
        "reasonForChange",
        "observedOn",
        "valueType",
        "value",
        "onsetDate",
        "endDate",
        "outcome",
        "relatedness",
        "serious",
        "severity",
        "term",
        "eventId",
        "birthDate",
        "enteredAt",
        "site",
        "language",
        "kind"
      })
  void fieldsAreNamedByTheirLabels(String field) {
    String label = SiteFieldLabels.of(field);
    assertFalse(label.matches(".*[a-z][A-Z].*") || label.contains("."), label);
    assertFalse(Character.isLowerCase(label.charAt(0)), label);
  }
}
