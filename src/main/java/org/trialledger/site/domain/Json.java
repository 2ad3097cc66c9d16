package org.trialledger.site.domain;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialledger.ledger.Hash;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;

/** Members of the site records' JSON: one spelling for each Java type, and a strict reader back. */
final class Json {
  private Json() {}

  /** Puts {@code value} in its JSON spelling; null is left out, so "unset" hashes one way only. */
  static void put(Map<String, Object> json, String key, Object value) {
    if (value == null) return;
    Object out = value;
    if (value instanceof Instant i) out = DateTimeFormatter.ISO_INSTANT.format(i);
    else if (value instanceof LocalDate d) out = d.toString();
    else if (value instanceof Enum<?> e) out = e.name();
    else if (value instanceof Pseudonym p) out = p.value();
    else if (value instanceof Hash h) out = h.hex();
    else if (value instanceof Integer n) out = n.longValue();
    else if (value instanceof Manifestation m) out = m.toJson();
    json.put(key, out);
  }

  static Reader reader(Object value, String path) {
    if (!(value instanceof Map<?, ?> map)) throw wrong(path, "an object");
    return new Reader(map, path);
  }

  static InvalidRecordException wrong(String path, String expected) {
    return new InvalidRecordException(List.of(new FieldError(path, "Must be " + expected)));
  }

  /**
   * Reads members by name, refusing wrong types; {@link #done()} refuses members nobody asked for.
   */
  static final class Reader {
    private final Map<?, ?> map;
    private final String path;
    private final Set<Object> read = new HashSet<>();

    private Reader(Map<?, ?> map, String path) {
      this.map = map;
      this.path = path;
    }

    private String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private Object get(String key) {
      read.add(key);
      return map.get(key);
    }

    String text(String key) {
      Object v = get(key);
      if (v != null && !(v instanceof String)) throw wrong(at(key), "text");
      return (String) v;
    }

    Boolean bool(String key) {
      Object v = get(key);
      if (v != null && !(v instanceof Boolean)) throw wrong(at(key), "true or false");
      return (Boolean) v;
    }

    Integer integer(String key) {
      Object v = get(key);
      if (v == null) return null;
      if (v instanceof Long l && l == l.intValue()) return l.intValue();
      if (v instanceof BigInteger || v instanceof Long)
        throw wrong(at(key), "a whole number below 2^31");
      throw wrong(at(key), "a whole number");
    }

    Instant instant(String key) {
      String s = text(key);
      try {
        return s == null ? null : Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw wrong(at(key), "a UTC date and time like 2024-05-01T09:30:00Z");
      }
    }

    LocalDate date(String key) {
      String s = text(key);
      try {
        return s == null ? null : LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw wrong(at(key), "a date like 2024-05-01");
      }
    }

    Hash hash(String key) {
      String s = text(key);
      try {
        return s == null ? null : Hash.ofHex(s);
      } catch (IllegalArgumentException e) {
        throw wrong(at(key), "a SHA-256 hash in 64 hexadecimal digits");
      }
    }

    Pseudonym pseudonym(String key) {
      String s = text(key);
      try {
        return s == null ? null : Pseudonym.parse(s);
      } catch (IllegalArgumentException e) {
        throw new InvalidRecordException(List.of(new FieldError(at(key), e.getMessage())));
      }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      String s = text(key);
      if (s == null) return null;
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) return e;
      }
      throw new InvalidRecordException(
          List.of(new FieldError(at(key), "Unknown value \"" + s + "\"")));
    }

    Manifestation manifestation(String key) {
      Object v = get(key);
      return v == null ? null : Manifestation.fromJson(v, at(key));
    }

    void requireSchema(String schema) {
      String s = text("schema");
      if (!schema.equals(s)) throw wrong(at("schema"), "\"" + schema + "\"");
    }

    void done() {
      for (Object key : map.keySet()) {
        if (!read.contains(key))
          throw new InvalidRecordException(
              List.of(new FieldError(at(String.valueOf(key)), "Unknown field")));
      }
    }
  }
}
