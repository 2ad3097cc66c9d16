package org.trialledger.registry.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves what is valid of a draft and keeps the rest out: from the record a form describes and the
 * draft stored before it, the record to store, in which every value the draft checks refuse is put
 * back to what was stored (or, when that does not help, left out), and the errors that refused
 * them. One malformed e-mail or age then costs that item, not the other sixty.
 *
 * <p>Works on the record's JSON (RFC 8785 members, {@link RecordCodec}) so that any path a check
 * names, {@code primaryOutcomes[0].measure} as well as {@code eligibility.minimumAge}, can be put
 * back without code per item.
 */
public final class DraftSalvage {
  private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
  private static final int ROUNDS = 6;

  /** The record to store and every value that was refused, with the reason, in form order. */
  public record Result(RegistrationRecord record, List<FieldError> refused) {}

  private DraftSalvage() {}

  /**
   * @param candidate the form's record, with values the form could not read (a malformed date, an
   *     unknown choice) already left out
   * @param unreadable the errors of those values
   * @param stored the draft as stored before this save
   */
  public static Result salvage(
      RegistrationRecord candidate, List<FieldError> unreadable, RegistrationRecord stored) {
    Map<String, Object> json = copy(RecordCodec.encode(candidate));
    Map<String, Object> before = RecordCodec.encode(stored);
    List<FieldError> refused = new ArrayList<>(unreadable);
    Map<String, Integer> attempts = new HashMap<>();
    for (FieldError e : unreadable) restore(json, before, e.field());
    for (int round = 0; ; round++) {
      RegistrationRecord r = RecordCodec.decode(json, RegistrationRecord.class);
      List<FieldError> errors = RegistrationValidator.checkDraft(r);
      if (errors.isEmpty()) return new Result(r, dedupe(refused));
      if (round == ROUNDS) throw new InvalidRecordException(errors);
      if (round == 0) refused.addAll(errors);
      // list elements last, from the highest index, so that removing one shifts no other path
      List<String> paths =
          errors.stream()
              .map(FieldError::field)
              .distinct()
              .sorted(
                  Comparator.comparing(DraftSalvage::removesElement).thenComparing(p -> -index(p)))
              .toList();
      for (String path : paths) {
        int n = attempts.merge(path, 1, Integer::sum);
        if (n == 1) restore(json, before, path);
        else if (n == 2) remove(json, path, false);
        else remove(json, path, true);
      }
    }
  }

  private static boolean removesElement(String path) {
    return path.endsWith("]");
  }

  private static int index(String path) {
    Matcher m = Pattern.compile("\\[(\\d+)]").matcher(path);
    int last = -1;
    while (m.find()) last = Integer.parseInt(m.group(1));
    return last;
  }

  /** Puts back the stored value at {@code path}, or leaves the member out if there was none. */
  private static void restore(Map<String, Object> json, Map<String, Object> before, String path) {
    Object old = get(before, path);
    if (old == null) remove(json, path, false);
    else set(json, path, copyValue(old));
  }

  private static Object get(Object node, String path) {
    for (String part : path.split("\\.")) {
      Matcher m = STEP.matcher(part);
      if (!m.matches() || !(node instanceof Map<?, ?> map)) return null;
      node = map.get(m.group(1));
      if (m.group(2) != null) {
        int i = Integer.parseInt(m.group(2));
        if (!(node instanceof List<?> list) || i >= list.size()) return null;
        node = list.get(i);
      }
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> json, String path, Object value) {
    String[] parts = path.split("\\.");
    Object node = json;
    for (int k = 0; k < parts.length; k++) {
      Matcher m = STEP.matcher(parts[k]);
      if (!m.matches() || !(node instanceof Map<?, ?>)) return;
      Map<String, Object> map = (Map<String, Object>) node;
      boolean last = k == parts.length - 1;
      if (m.group(2) == null) {
        if (last) map.put(m.group(1), value);
        else node = map.computeIfAbsent(m.group(1), x -> new LinkedHashMap<String, Object>());
      } else {
        int i = Integer.parseInt(m.group(2));
        if (!(map.get(m.group(1)) instanceof List<?> list) || i >= list.size()) return;
        if (last) ((List<Object>) list).set(i, value);
        else node = list.get(i);
      }
    }
  }

  /**
   * Leaves out the member at {@code path}; with {@code element}, the whole list element the path is
   * in (a row whose required value is missing cannot be kept in part).
   */
  @SuppressWarnings("unchecked")
  private static void remove(Map<String, Object> json, String path, boolean element) {
    String target = path;
    if (element) {
      int bracket = path.lastIndexOf(']');
      if (bracket < 0) {
        remove(json, path, false);
        return;
      }
      target = path.substring(0, bracket + 1);
    }
    int dot = target.lastIndexOf('.');
    Object parent = dot < 0 ? json : get(json, target.substring(0, dot));
    String last = dot < 0 ? target : target.substring(dot + 1);
    Matcher m = STEP.matcher(last);
    if (!m.matches() || !(parent instanceof Map<?, ?>)) return;
    Map<String, Object> map = (Map<String, Object>) parent;
    if (m.group(2) == null) {
      map.remove(m.group(1));
    } else if (map.get(m.group(1)) instanceof List<?> list) {
      int i = Integer.parseInt(m.group(2));
      if (i < list.size()) ((List<Object>) list).remove(i);
    }
  }

  private static List<FieldError> dedupe(List<FieldError> errors) {
    Map<String, FieldError> first = new LinkedHashMap<>();
    for (FieldError e : errors) first.putIfAbsent(e.field() + "\n" + e.message(), e);
    return List.copyOf(first.values());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> map) {
    return (Map<String, Object>) copyValue(map);
  }

  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put((String) k, copyValue(x)));
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(copyValue(x)));
      return out;
    }
    return v;
  }
}
