package org.trialledger.registry.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trialledger.registry.domain.PartialDate;

/** How the registration form writes record values as text and reads them back. */
final class FormText {
  private FormText() {}

  /** A list as one item per line; null for none. */
  static String lines(List<String> items) {
    return items == null || items.isEmpty() ? null : String.join("\n", items);
  }

  /** The non-blank lines of a text, stripped. */
  static List<String> list(String lines) {
    if (lines == null) return List.of();
    return Arrays.stream(lines.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Country codes one per line, upper-cased. */
  static List<String> codes(String lines) {
    return list(lines).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static boolean allBlank(String... values) {
    return Arrays.stream(values).allMatch(FormText::blank);
  }

  static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  static String text(PartialDate d) {
    return d == null ? null : d.value();
  }
}
