package org.trialledger.registry.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CT.gov keeps eligibility criteria as one text whose sections are headed "Inclusion Criteria:" and
 * "Exclusion Criteria:"; the WHO data set has a field for each. Splitting and joining are inverse,
 * so a record survives an export and re-import.
 */
record EligibilityText(String inclusion, String exclusion, String other) {
  static final String INCLUSION = "Inclusion Criteria:";
  static final String EXCLUSION = "Exclusion Criteria:";

  /**
   * The sections of a criteria text. Text before the first heading is {@code other}; a text without
   * headings, or with a heading twice, is not split and is all {@code other}.
   */
  static EligibilityText split(String text) {
    if (text == null) return new EligibilityText(null, null, null);
    String[] lines = text.split("\n", -1);
    List<Integer> headings = new ArrayList<>();
    int inclusions = 0;
    int exclusions = 0;
    for (int i = 0; i < lines.length; i++) {
      String h = heading(lines[i]);
      if (h == null) continue;
      headings.add(i);
      if (h.equals(INCLUSION)) inclusions++;
      else exclusions++;
    }
    if (headings.isEmpty() || inclusions > 1 || exclusions > 1)
      return new EligibilityText(null, null, text);
    String inclusion = null;
    String exclusion = null;
    for (int k = 0; k < headings.size(); k++) {
      int from = headings.get(k) + 1;
      int to = k + 1 < headings.size() ? headings.get(k + 1) : lines.length;
      String body = blankToNull(String.join("\n", List.of(lines).subList(from, to)));
      if (heading(lines[headings.get(k)]).equals(INCLUSION)) inclusion = body;
      else exclusion = body;
    }
    String other = blankToNull(String.join("\n", List.of(lines).subList(0, headings.get(0))));
    return new EligibilityText(inclusion, exclusion, other);
  }

  /** The single text CT.gov keeps, in its usual layout. */
  String join() {
    List<String> parts = new ArrayList<>();
    if (other != null) parts.add(other);
    if (inclusion != null) parts.add(INCLUSION + "\n\n" + inclusion);
    if (exclusion != null) parts.add(EXCLUSION + "\n\n" + exclusion);
    return parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  private static String heading(String line) {
    String l = line.strip().toLowerCase(Locale.ROOT);
    if (l.endsWith(":")) l = l.substring(0, l.length() - 1).strip();
    if (l.equals("inclusion criteria")) return INCLUSION;
    if (l.equals("exclusion criteria")) return EXCLUSION;
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
