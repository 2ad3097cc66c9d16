package org.trialledger.registry.domain;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What text the registry stores: no control characters but, in multi-line fields, tab and line
 * breaks. NUL in particular: PostgreSQL refuses it in text columns, and the others corrupt exports
 * and pages.
 */
public final class PlainText {
  private PlainText() {}

  /** The index of the first character not allowed, or -1. */
  public static int firstForbidden(String s, boolean multiLine) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) return i;
    }
    return -1;
  }

  /** The message for a field whose text has a character not allowed, or null when it has none. */
  public static String problem(String s, boolean multiLine) {
    if (s == null) return null;
    int at = firstForbidden(s, multiLine);
    if (at < 0) return null;
    return String.format(
        Locale.ROOT,
        "Contains a control character (U+%04X) at position %d%s",
        (int) s.charAt(at),
        at + 1,
        multiLine ? "" : "; this field takes a single line");
  }

  /**
   * Every text of a registration record, checked: one error per field that has a character not
   * allowed.
   */
  static List<FieldError> check(Record record) {
    List<FieldError> errors = new ArrayList<>();
    walk(record, "", errors);
    return errors;
  }

  private static void walk(Object value, String path, List<FieldError> errors) {
    if (value instanceof String s) {
      String problem = problem(s, multiLine(path));
      if (problem != null) errors.add(new FieldError(path, problem));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) walk(list.get(i), path + "[" + i + "]", errors);
    } else if (value instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          walk(
              c.getAccessor().invoke(r),
              path.isEmpty() ? c.getName() : path + "." + c.getName(),
              errors);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /**
   * Free-text fields of 1,000 characters and more (summaries, descriptions, criteria, statements)
   * may have several lines; titles, names, codes and the entries of lists take one.
   */
  private static boolean multiLine(String path) {
    try {
      FieldLabels.Field f = FieldLabels.field(path);
      return (f.max() > 0 ? f.max() : f.inputMax()) >= 1_000;
    } catch (IllegalArgumentException notAFormField) {
      return false;
    }
  }
}
