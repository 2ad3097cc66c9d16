package org.trialledger.registry.interop;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A value of an imported document together with its path. Reading a field through it records the
 * path as mapped in the {@link ReadLog}; a field of the wrong type or with an unknown code becomes
 * a warning and reads as absent, because a record from a newer or sloppier source must still
 * import.
 */
public final class JsonNode {
  private final JsonValue value;
  private final String path;
  private final ReadLog log;

  public JsonNode(JsonValue value, String path, ReadLog log) {
    this.value = value;
    this.path = path;
    this.log = log;
  }

  public String path() {
    return path;
  }

  public boolean present() {
    return value instanceof JsonObject;
  }

  /** A child object; absent (but still safe to read from) when missing or not an object. */
  public JsonNode object(String key) {
    JsonValue v = raw(key);
    if (v != null && !(v instanceof JsonObject)) {
      log.warn(at(key) + " should be an object; it was ignored");
      v = null;
    }
    return new JsonNode(v, at(key), log);
  }

  /** The objects of an array field; elements that are not objects are warned about and skipped. */
  public List<JsonNode> objects(String key) {
    List<JsonNode> out = new ArrayList<>();
    JsonArray array = array(key);
    for (int i = 0; i < array.size(); i++) {
      String p = at(key) + "[" + i + "]";
      if (array.get(i) instanceof JsonObject) out.add(new JsonNode(array.get(i), p, log));
      else if (ReadLog.holdsValue(array.get(i)))
        log.warn(p + " should be an object; it was ignored");
    }
    return out;
  }

  /** The strings of an array field, each marked mapped. */
  public List<String> texts(String key) {
    return textsWhere(key, s -> true);
  }

  /** The strings of an array field that {@code keep} accepts, which alone are marked mapped. */
  public List<String> textsWhere(String key, Predicate<String> keep) {
    List<String> out = new ArrayList<>();
    JsonArray array = array(key);
    for (int i = 0; i < array.size(); i++) {
      String p = at(key) + "[" + i + "]";
      if (array.get(i) instanceof JsonString s) {
        if (!s.getString().isBlank() && keep.test(s.getString())) {
          out.add(s.getString());
          log.mapped(p);
        }
      } else if (ReadLog.holdsValue(array.get(i))) {
        log.warn(p + " should be text; it was ignored");
      }
    }
    return out;
  }

  /** The codes of an array field that are in {@code known}; others are warned about. */
  public List<String> codes(String key, Set<String> known) {
    return textsWhere(
        key,
        s -> {
          if (!known.contains(s))
            log.warn(at(key) + ": unknown value \"" + s + "\"; it was left out");
          return known.contains(s);
        });
  }

  /** A string field, marked mapped; null when missing, blank or not a string. */
  public String text(String key) {
    String s = peekText(key);
    if (s != null) log.mapped(at(key));
    return s;
  }

  /** A string field without marking it mapped, for values whose use depends on other fields. */
  String peekText(String key) {
    JsonValue v = raw(key);
    if (v instanceof JsonString s) return s.getString().isBlank() ? null : s.getString();
    if (ReadLog.holdsValue(v)) log.warn(at(key) + " should be text; it was ignored");
    return null;
  }

  public Integer integer(String key) {
    JsonValue v = raw(key);
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        int i = n.intValueExact();
        log.mapped(at(key));
        return i;
      } catch (ArithmeticException e) {
        // falls through to the warning: out of range
      }
    }
    if (ReadLog.holdsValue(v)) log.warn(at(key) + " should be a whole number; it was ignored");
    return null;
  }

  /**
   * A whole number written as a JSON number or as digits in a string (ClinicalTrials.gov writes
   * counts both ways); null and a warning otherwise.
   */
  public Integer count(String key) {
    JsonValue v = raw(key);
    if (v instanceof JsonString s) {
      String t = s.getString().strip();
      if (t.matches("-?[0-9]{1,9}")) {
        log.mapped(at(key));
        return Integer.valueOf(t);
      }
      if (ReadLog.holdsValue(v)) log.warn(at(key) + " should be a whole number; it was ignored");
      return null;
    }
    return integer(key);
  }

  public Boolean bool(String key) {
    JsonValue v = raw(key);
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      log.mapped(at(key));
      return v == JsonValue.TRUE;
    }
    if (ReadLog.holdsValue(v)) log.warn(at(key) + " should be true or false; it was ignored");
    return null;
  }

  /** A code from a closed list; an unknown code is warned about and reads as null. */
  public String code(String key, Set<String> known) {
    return code(key, s -> known.contains(s) ? s : null);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    return code(
        key,
        s -> {
          for (E e : type.getEnumConstants()) if (e.name().equals(s)) return e;
          return null;
        });
  }

  /** A code translated by {@code decode}, which returns null for codes it does not know. */
  public <T> T code(String key, Function<String, T> decode) {
    String s = peekText(key);
    if (s == null) return null;
    T decoded = decode.apply(s);
    if (decoded == null) {
      log.warn(at(key) + ": unknown value \"" + s + "\"; the field was left empty");
    } else {
      log.mapped(at(key));
    }
    return decoded;
  }

  /** Marks a field mapped whose information the record keeps in another form. */
  public void mapped(String key) {
    if (raw(key) != null) log.mapped(at(key));
  }

  /** Makes the unmapped list name a field's children rather than the field as a whole. */
  public void itemize(String key) {
    log.itemize(at(key));
  }

  public void warn(String message) {
    log.warn(message);
  }

  public String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private JsonArray array(String key) {
    JsonValue v = raw(key);
    if (v instanceof JsonArray a) return a;
    if (ReadLog.holdsValue(v)) log.warn(at(key) + " should be a list; it was ignored");
    return JsonValue.EMPTY_JSON_ARRAY;
  }

  private JsonValue raw(String key) {
    return value instanceof JsonObject o ? o.get(key) : null;
  }
}
