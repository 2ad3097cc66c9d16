package org.trialledger.results.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ties a results group to a registered arm by its title. ClinicalTrials.gov results groups are
 * titled freely ("2. Repaglinide", "Patients Who Received Placebo") while the arms are labelled "2.
 * repaglinide", "1 Placebo": titles are compared without case, numbering and punctuation, and a
 * group matches an arm when one contains the other as whole words and no other arm matches too.
 */
final class ArmMatcher {
  private final List<String> labels;

  ArmMatcher(List<String> armLabels) {
    this.labels = armLabels == null ? List.of() : List.copyOf(armLabels);
  }

  /** The one arm label the title names; null when none or several do. */
  String match(String title) {
    if (title == null) return null;
    String t = normal(title);
    if (t.isEmpty()) return null;
    List<String> exact = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    for (String label : labels) {
      String l = normal(label);
      if (l.isEmpty()) continue;
      if (l.equals(t)) exact.add(label);
      else if ((" " + t + " ").contains(" " + l + " ") || (" " + l + " ").contains(" " + t + " "))
        partial.add(label);
    }
    if (exact.size() == 1) return exact.get(0);
    if (exact.isEmpty() && partial.size() == 1) return partial.get(0);
    return null;
  }

  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .replaceAll("^\\s*(arm|group)?\\s*[0-9]+\\s+", " ")
        .strip();
  }
}
