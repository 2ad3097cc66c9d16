package org.trialledger.registry.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.platform.MalformedBodyException;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.PlainText;

/**
 * The one reader of small JSON request bodies, shared by the registry's and the site's REST
 * resources. Parsing uses the strict, bounded {@link JsonParser} (numbers, depth and duplicate keys
 * are refused there, see docs/security.md); a body that is not a JSON object answers 400 ({@link
 * MalformedBodyException}). Each getter answers 422 naming its field ({@link
 * InvalidRecordException}) when the member has the wrong type or value; an absent member or {@code
 * null} reads as null.
 *
 * <p>It lives in {@code registry.api} because it applies the registry's {@link PlainText} rule,
 * throws its {@link InvalidRecordException} and uses the {@code ledger}'s parser: {@code site} may
 * use all three, while {@code platform} and the shared {@code api} may use none of them
 * (docs/architecture.md).
 */
public final class JsonBody {
  private final Map<?, ?> members;

  private JsonBody(Map<?, ?> members) {
    this.members = members;
  }

  /** The body as a JSON object; 400 when it is empty, not JSON, or not an object. */
  public static JsonBody parse(String body) {
    return parse(body, null);
  }

  /**
   * The body as a JSON object; 400 when it is empty, not JSON, or not an object, saying what object
   * is expected ({@code "a registration record"}) when {@code expected} is not null.
   */
  public static JsonBody parse(String body, String expected) {
    Object json;
    try {
      json = JsonParser.parse(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      throw new MalformedBodyException("The body is not valid JSON: " + e.getMessage());
    }
    if (json instanceof Map<?, ?> m) return new JsonBody(m);
    throw new MalformedBodyException(
        "The body must be a JSON object" + (expected == null ? "" : ": " + expected));
  }

  /** Like {@link #parse(String)}, but an empty or blank body reads as an object without members. */
  public static JsonBody parseOptional(String body) {
    return body == null || body.isBlank() ? new JsonBody(Map.of()) : parse(body);
  }

  /** A JSON object already parsed. */
  public static JsonBody of(Map<?, ?> members) {
    return new JsonBody(members);
  }

  /** The members, as parsed (in document order). */
  public Map<?, ?> members() {
    return members;
  }

  /**
   * A string member, or null. Control characters are refused but tab and line breaks, as in the
   * registry's multi-line fields ({@link PlainText}).
   */
  public String text(String name) {
    String v = string(name);
    String problem = PlainText.problem(v, true);
    if (problem != null) throw InvalidRecordException.of(name, problem);
    return v;
  }

  /**
   * A string member as sent, or null: only its type is checked. For texts whose service checks
   * them; a new field should use {@link #text}.
   */
  public String string(String name) {
    Object v = members.get(name);
    if (v != null && !(v instanceof String)) throw InvalidRecordException.of(name, "Must be text");
    return (String) v;
  }

  /** An id: a whole number from 1 on (required). */
  public long id(String name) {
    Object v = members.get(name);
    if (!(v instanceof Long l) || l < 1)
      throw InvalidRecordException.of(name, "Must be a whole number from 1 on");
    return l;
  }

  /**
   * A whole number in {@code [min, max]} (required); anything else is refused, never wrapped or
   * rounded.
   */
  public int integer(String name, int min, int max) {
    Object v = members.get(name);
    if (!(v instanceof Long l) || l < min || l > max) {
      throw InvalidRecordException.of(name, "Must be a whole number from " + min + " to " + max);
    }
    return l.intValue();
  }

  /** A date written YYYY-MM-DD, or null when absent or blank. */
  public LocalDate date(String name) {
    String v = text(name);
    if (v == null || v.isBlank()) return null;
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw InvalidRecordException.of(name, "Write the date as YYYY-MM-DD");
    }
  }

  /** An instant written as ISO 8601 in UTC (required). */
  public Instant instant(String name) {
    String v = text(name);
    if (v == null || v.isBlank())
      throw InvalidRecordException.of(
          name, "Give the date and time (UTC), e.g. 2026-11-24T09:30:00Z");
    try {
      return Instant.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw InvalidRecordException.of(name, "Write the time as 2026-11-24T09:30:00Z (UTC)");
    }
  }

  /**
   * A constant of {@code type}, in any case, or null when absent or blank; "Unknown value …"
   * otherwise.
   */
  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    String v = text(name);
    if (v == null || v.isBlank()) return null;
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of(name, "Unknown value " + v);
    }
  }

  /**
   * A constant of {@code type} written exactly as its name (in any case, nothing around it), or
   * null when absent; anything else is refused with {@code unknown}. Stricter than {@link
   * #choice(String, Class)}: the registry's review API has always answered so.
   */
  public <E extends Enum<E>> E choice(String name, Class<E> type, String unknown) {
    String v = string(name);
    if (v == null) return null;
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of(name, unknown);
    }
  }
}
