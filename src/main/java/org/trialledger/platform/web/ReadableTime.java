package org.trialledger.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as pages show them: "28 Nov 2026, 10:29 UTC", the zone stated, no milliseconds. */
public final class ReadableTime {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ReadableTime() {}

  public static String utc(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }
}
