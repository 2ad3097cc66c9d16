package org.trialledger.registry.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human names for record paths, with the WHO data set item numbers a registry user knows them by. */
public final class FieldLabels {
  private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
  private static final Map<String, String> TOP =
      Map.ofEntries(
          Map.entry("secondaryIds", "3. Secondary identifying numbers"),
          Map.entry("fundingSources", "4. Sources of support"),
          Map.entry("primarySponsor", "5. Primary sponsor"),
          Map.entry("secondarySponsors", "6. Secondary sponsors"),
          Map.entry("publicContact", "7. Contact for public queries"),
          Map.entry("scientificContact", "8. Contact for scientific queries"),
          Map.entry("publicTitle", "9. Public title"),
          Map.entry("scientificTitle", "10. Scientific title"),
          Map.entry("acronym", "10. Acronym"),
          Map.entry("countries", "11. Countries of recruitment"),
          Map.entry("conditions", "12. Health conditions studied"),
          Map.entry("interventions", "13. Intervention"),
          Map.entry("eligibility", "14. Eligibility"),
          Map.entry("design", "15. Study design"),
          Map.entry("firstEnrolment", "16. Date of first enrolment"),
          Map.entry("enrolment", "17. Sample size"),
          Map.entry("recruitmentStatus", "18. Recruitment status"),
          Map.entry("primaryOutcomes", "19. Primary outcome"),
          Map.entry("secondaryOutcomes", "20. Secondary outcome"),
          Map.entry("ethicsReview", "21. Ethics review"),
          Map.entry("primaryCompletion", "22. Primary completion date"),
          Map.entry("completion", "22. Completion date"),
          Map.entry("summaryResults", "23. Summary results"),
          Map.entry("ipdSharing", "24. IPD sharing statement"),
          Map.entry("briefSummary", "Brief summary"),
          Map.entry("detailedDescription", "Detailed description"),
          Map.entry("arms", "Arm"),
          Map.entry("locations", "Location"));

  private FieldLabels() {}

  public static String of(String path) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (String part : path.split("\\.")) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) return path;
      String name = m.group(1);
      if (!first) out.append(" · ");
      out.append(first ? TOP.getOrDefault(name, words(name)) : words(name));
      if (m.group(2) != null) out.append(' ').append(Integer.parseInt(m.group(2)) + 1);
      first = false;
    }
    return out.toString();
  }

  /** {@code timeFrame} → "time frame". */
  static String words(String camel) {
    StringBuilder out = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) out.append(' ').append(Character.toLowerCase(c));
      else out.append(c);
    }
    return out.toString();
  }
}
