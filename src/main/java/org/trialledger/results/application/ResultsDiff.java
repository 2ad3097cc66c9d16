package org.trialledger.results.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.TextDiff;
import org.trialledger.results.domain.ResultsRecord;

/**
 * Two results versions compared field by field, as the trial history compares protocol versions:
 * each record flattened to {@code path → text} (its canonical form, so a value reads as it was
 * committed), paths in the record's order, each named in words ({@link FieldPaths}).
 */
public final class ResultsDiff {
  private ResultsDiff() {}

  public static List<RecordDiff.Row> compare(ResultsRecord left, ResultsRecord right) {
    Map<String, String> a = flatten(left);
    Map<String, String> b = flatten(right);
    // the newer version's order, with removed paths after those of their module
    Set<String> paths = new LinkedHashSet<>();
    for (var c : ResultsRecord.class.getRecordComponents())
      for (Map<String, String> m : List.of(b, a))
        for (String p : m.keySet()) if (module(p).equals(c.getName())) paths.add(p);
    List<RecordDiff.Row> rows = new ArrayList<>();
    for (String path : paths) {
      String l = a.get(path);
      String r = b.get(path);
      RecordDiff.Change change =
          l == null
              ? RecordDiff.Change.ADDED
              : r == null
                  ? RecordDiff.Change.REMOVED
                  : l.equals(r) ? RecordDiff.Change.SAME : RecordDiff.Change.CHANGED;
      rows.add(
          new RecordDiff.Row(
              path,
              FieldPaths.human(path),
              l,
              r,
              change,
              change == RecordDiff.Change.CHANGED ? TextDiff.words(l, r) : List.of()));
    }
    return rows;
  }

  private static String module(String path) {
    int cut = path.length();
    for (int i = 0; i < path.length(); i++)
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        cut = i;
        break;
      }
    return path.substring(0, cut);
  }

  static Map<String, String> flatten(ResultsRecord record) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Object> json = RecordCodec.encode(record);
    json.remove("schema");
    flatten("", json, out);
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet())
        flatten(
            prefix.isEmpty() ? (String) e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
    } else if (value instanceof List<?> list) {
      boolean scalars = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      if (scalars) {
        if (!list.isEmpty())
          out.put(prefix, String.join("; ", list.stream().map(String::valueOf).toList()));
      } else {
        for (int i = 0; i < list.size(); i++) flatten(prefix + "[" + i + "]", list.get(i), out);
      }
    } else if (value != null) {
      out.put(prefix, String.valueOf(value));
    }
  }
}
