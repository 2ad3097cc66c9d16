package org.trialledger.registry.interop;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import did with a JSON document: the paths whose values were mapped, and warnings.
 * Whatever holds a value and was not mapped is then listed by {@link #unmapped}, so nothing is
 * dropped silently.
 */
public final class ReadLog {
  private final Set<String> mapped = new HashSet<>();

  /** Every ancestor of a mapped path: a subtree none of whose paths is here was left out whole. */
  private final Set<String> touched = new HashSet<>();

  private final Set<String> warnings = new LinkedHashSet<>();

  public void mapped(String path) {
    mapped.add(path);
    for (int i = path.length() - 1; i > 0; i--) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') touched.add(path.substring(0, i));
    }
    touched.add(path);
  }

  public void itemize(String path) {
    touched.add(path);
  }

  public void warn(String message) {
    warnings.add(message);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The highest paths under {@code root} that hold a value and were not mapped, in document order.
   */
  public List<String> unmapped(JsonObject root) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonValue> e : root.entrySet()) collect(e.getValue(), e.getKey(), out);
    return out;
  }

  private void collect(JsonValue value, String path, List<String> out) {
    if (!holdsValue(value) || mapped.contains(path)) return;
    if (!touched.contains(path)) {
      out.add(path);
    } else if (value instanceof JsonObject o) {
      for (Map.Entry<String, JsonValue> e : o.entrySet())
        collect(e.getValue(), path + "." + e.getKey(), out);
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) collect(a.get(i), path + "[" + i + "]", out);
    }
  }

  /** null, blank strings and empty containers carry nothing a user could miss. */
  public static boolean holdsValue(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) return false;
    if (v instanceof JsonString s) return !s.getString().isBlank();
    if (v instanceof JsonObject o) return o.values().stream().anyMatch(ReadLog::holdsValue);
    if (v instanceof JsonArray a) return a.stream().anyMatch(ReadLog::holdsValue);
    return true;
  }
}
