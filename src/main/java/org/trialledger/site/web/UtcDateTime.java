package org.trialledger.site.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A moment typed on a site page, in UTC: an ISO instant, or a date and time with no zone. */
final class UtcDateTime {
  private UtcDateTime() {}

  /** The instant, or null for blank or unreadable text. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) return null;
    String t = text.strip();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // "2026-11-24 09:30" or "2026-11-24T09:30": read as UTC, as the label says
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
