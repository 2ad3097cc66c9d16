package org.trialledger.registry.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two registration records item by item: each record is flattened to {@code path → text}
 * ({@code primaryOutcomes[1].timeFrame}), and the union of paths is listed in the order the record
 * declares them. Long texts also get a word-level diff so a reader sees what changed inside a
 * paragraph.
 */
public final class RecordDiff {
  private RecordDiff() {}

  public enum Change {
    SAME,
    CHANGED,
    ADDED,
    REMOVED
  }

  /** One item of the comparison; {@code segments} is the word diff for changed text. */
  public record Row(
      String path,
      String label,
      String left,
      String right,
      Change change,
      List<TextDiff.Segment> segments)
      implements Serializable {
    public boolean isChanged() {
      return change != Change.SAME;
    }
  }

  public static List<Row> compare(RegistrationRecord left, RegistrationRecord right) {
    Map<String, String> a = flatten(left);
    Map<String, String> b = flatten(right);
    Set<String> paths = new LinkedHashSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<Row> rows = new ArrayList<>();
    for (String path : ordered(paths, left, right)) {
      String l = a.get(path);
      String r = b.get(path);
      Change change =
          l == null
              ? Change.ADDED
              : r == null ? Change.REMOVED : l.equals(r) ? Change.SAME : Change.CHANGED;
      List<TextDiff.Segment> segments = change == Change.CHANGED ? TextDiff.words(l, r) : List.of();
      rows.add(new Row(path, FieldLabels.of(path), l, r, change, segments));
    }
    return rows;
  }

  /**
   * The labels of the top-level items that differ, for a version history ("Recruitment status,
   * Sample size").
   */
  public static List<String> changedItems(RegistrationRecord before, RegistrationRecord after) {
    Set<String> items = new LinkedHashSet<>();
    for (Row row : compare(before, after)) {
      if (row.isChanged()) items.add(FieldLabels.of(topLevel(row.path())));
    }
    return List.copyOf(items);
  }

  private static String topLevel(String path) {
    int cut = path.length();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        cut = i;
        break;
      }
    }
    return path.substring(0, cut);
  }

  /**
   * Paths in declaration order: the order of the right record's flattening, with removed paths
   * where they were.
   */
  private static List<String> ordered(
      Set<String> paths, RegistrationRecord left, RegistrationRecord right) {
    List<String> order = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (var c : RegistrationRecord.class.getRecordComponents()) fields.add(c.getName());
    for (String field : fields) {
      for (String p : paths) {
        if (topLevel(p).equals(field)) order.add(p);
      }
    }
    return order;
  }

  /** {@code path → display text} of every set item; the schema marker is left out. */
  public static Map<String, String> flatten(RegistrationRecord record) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Object> json = RecordCodec.encode(record);
    json.remove("schema");
    flatten("", json, out);
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(
            prefix.isEmpty() ? (String) e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (value instanceof List<?> list) {
      boolean scalars = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      if (scalars) {
        List<String> texts = new ArrayList<>();
        for (Object v : list) texts.add(String.valueOf(v));
        out.put(prefix, String.join("; ", texts));
      } else {
        for (int i = 0; i < list.size(); i++) flatten(prefix + "[" + i + "]", list.get(i), out);
      }
    } else if (value != null) {
      out.put(prefix, String.valueOf(value));
    }
  }
}
