package org.trialledger.site.api;

import org.trialledger.registry.domain.PlainText;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.InvalidRecordException;

/** Reading the small JSON bodies of the site API, with a clear message for each wrong field. */
final class SiteJson {
  private SiteJson() {}

  static Map<?, ?> object(String body) {
    try {
      Object json = JsonParser.parse(body == null ? "" : body);
      if (json instanceof Map<?, ?> m) return m;
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("The body is not valid JSON: " + e.getMessage());
    }
    throw new BadRequestException("The body must be a JSON object");
  }

  static String text(Map<?, ?> m, String name) {
    Object v = m.get(name);
    if (v != null && !(v instanceof String)) throw InvalidRecordException.of(name, "Must be text");
    String problem = PlainText.problem((String) v, true);
    if (problem != null) throw InvalidRecordException.of(name, problem);
    return (String) v;
  }

  /** An id: a whole number from 1 on. */
  static long number(Map<?, ?> m, String name) {
    Object v = m.get(name);
    if (!(v instanceof Long l) || l < 1) throw InvalidRecordException.of(name, "Must be a whole number from 1 on");
    return l;
  }

  /** A whole number in {@code [min, max]}; anything else is refused, never wrapped. */
  static int integer(Map<?, ?> m, String name, int min, int max) {
    Object v = m.get(name);
    if (!(v instanceof Long l) || l < min || l > max) {
      throw InvalidRecordException.of(name, "Must be a whole number from " + min + " to " + max);
    }
    return l.intValue();
  }

  static LocalDate date(Map<?, ?> m, String name) {
    String v = text(m, name);
    if (v == null || v.isBlank()) return null;
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw InvalidRecordException.of(name, "Write the date as YYYY-MM-DD");
    }
  }

  static Instant instant(Map<?, ?> m, String name) {
    String v = text(m, name);
    if (v == null || v.isBlank()) throw InvalidRecordException.of(name, "Give the date and time (UTC), e.g. 2026-11-24T09:30:00Z");
    try {
      return Instant.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw InvalidRecordException.of(name, "Write the time as 2026-11-24T09:30:00Z (UTC)");
    }
  }

  static <E extends Enum<E>> E choice(Map<?, ?> m, String name, Class<E> type) {
    String v = text(m, name);
    if (v == null || v.isBlank()) return null;
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of(name, "Unknown value " + v);
    }
  }

  static String write(Object value) {
    return CanonicalJson.write(value);
  }
}
