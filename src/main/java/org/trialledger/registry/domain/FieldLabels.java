package org.trialledger.registry.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human names for record paths, with the WHO data set item numbers a registry user knows them by,
 * and the catalogue of the registration form's fields: the label each carries on the form, its
 * limits and hint, and whether publication requires it. The form and {@link RegistrationValidator}
 * both take limits from here.
 */
public final class FieldLabels {
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
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
          Map.entry("locations", "Location"),
          // fields of the review and submission forms, named in their errors
          Map.entry("body", "Comment"),
          Map.entry("severity", "Severity"),
          Map.entry("reason", "Reason for this version"),
          Map.entry("kind", "Kind of document"),
          Map.entry("fileName", "File"),
          Map.entry("file", "File"),
          Map.entry("record", "Registration"));

  private static final String ONE_PER_LINE = "One per line";
  private static final String DATE = "YYYY-MM or YYYY-MM-DD";
  private static final int TITLE = 500, SHORT = 300, TEXT = 20_000, LINES = 5_000, DATE_TEXT = 10;
  private static final Map<String, Field> FIELDS =
      fields(
          group("secondaryIds", "Secondary id"),
          text("secondaryIds.issuer", "Issuer (e.g. ClinicalTrials.gov)", SHORT),
          text("secondaryIds.id", "Identifier", 100),
          lines("fundingSources", "4. Sources of monetary or material support", SHORT, LINES)
              .hint(ONE_PER_LINE)
              .required(),
          text("primarySponsor", "5. Primary sponsor", SHORT).required(),
          lines("secondarySponsors", "6. Secondary sponsors", SHORT, LINES).hint(ONE_PER_LINE),
          text("publicContact.name", "7. Public contact: name", SHORT),
          text("publicContact.affiliation", "Affiliation", SHORT),
          text("publicContact.email", "E-mail", 254),
          text("publicContact.phone", "Phone", 50),
          text("publicContact.address", "Address", SHORT),
          text("scientificContact.name", "8. Scientific contact: name", SHORT),
          text("scientificContact.affiliation", "Affiliation", SHORT),
          text("scientificContact.email", "E-mail", 254),
          text("scientificContact.phone", "Phone", 50),
          text("scientificContact.address", "Address", SHORT),
          text("publicTitle", "9. Public title", TITLE).required(),
          text("scientificTitle", "10. Scientific title", TITLE).required(),
          text("acronym", "10. Acronym", 50),
          lines("countries", "11. Countries of recruitment", 0, 1_000)
              .hint("Two-letter ISO codes, one per line (e.g. DE)")
              .required(),
          lines("conditions", "12. Health conditions studied", SHORT, LINES)
              .hint(ONE_PER_LINE)
              .required(),
          group("interventions", "Intervention").required(),
          choice("interventions.type", "Type"),
          text("interventions.name", "Name", SHORT),
          text("interventions.description", "Description", TEXT),
          text("eligibility.inclusionCriteria", "14. Key inclusion criteria", TEXT).required(),
          text("eligibility.exclusionCriteria", "14. Key exclusion criteria", TEXT),
          text("eligibility.criteriaText", "Eligibility as free text", TEXT),
          choice("eligibility.sex", "Sex"),
          input("eligibility.minimumAge", "Minimum age", 20).hint("e.g. 18 Years"),
          input("eligibility.maximumAge", "Maximum age", 20).hint("e.g. 65 Years"),
          choice("eligibility.healthyVolunteers", "Healthy volunteers"),
          choice("design.studyType", "15. Study type").required(),
          choice("design.allocation", "Allocation"),
          choice("design.interventionModel", "Intervention model"),
          choice("design.masking", "Masking"),
          choice("design.primaryPurpose", "Primary purpose"),
          choice("design.phases", "Phase"),
          input("firstEnrolment.date", "16. Date of first enrolment", DATE_TEXT)
              .hint(DATE)
              .required(),
          choice("firstEnrolment.type", "Actual or anticipated"),
          text("enrolment.count", "17. Sample size", 10_000_000).required(),
          choice("enrolment.type", "Actual or anticipated"),
          choice("recruitmentStatus", "18. Recruitment status").required(),
          group("primaryOutcomes", "Primary outcome").required(),
          text("primaryOutcomes.measure", "Measure", 1_000),
          text("primaryOutcomes.timeFrame", "Time frame", SHORT),
          text("primaryOutcomes.description", "Description", TEXT),
          group("secondaryOutcomes", "Secondary outcome"),
          text("secondaryOutcomes.measure", "Measure", 1_000),
          text("secondaryOutcomes.timeFrame", "Time frame", SHORT),
          text("secondaryOutcomes.description", "Description", TEXT),
          choice("ethicsReview.status", "21. Ethics review").required(),
          input("ethicsReview.approvalDate", "Approval date", DATE_TEXT).hint(DATE),
          text("ethicsReview.committeeName", "Committee", SHORT),
          text("ethicsReview.committeeContact", "Committee contact", SHORT),
          input("primaryCompletion.date", "22. Primary completion date", DATE_TEXT).hint(DATE),
          choice("primaryCompletion.type", "Actual or anticipated"),
          input("completion.date", "22. Completion date", DATE_TEXT).hint(DATE),
          choice("completion.type", "Actual or anticipated"),
          input("summaryResults.firstPosted", "23. Summary results first posted", DATE_TEXT)
              .hint(DATE),
          input("summaryResults.url", "Results link", SHORT),
          input("summaryResults.summary", "Results summary", TEXT),
          choice("ipdSharing.plan", "24. Will individual participant data be shared?").required(),
          text("ipdSharing.description", "IPD sharing statement", TEXT),
          text("briefSummary", "Brief summary", 5_000),
          text("detailedDescription", "Detailed description", TEXT),
          group("arms", "Arm"),
          text("arms.label", "Label", SHORT),
          choice("arms.type", "Type"),
          text("arms.description", "Description", TEXT),
          input("arms.interventionNames", "Interventions (names, separated by line breaks)", 2_000),
          group("locations", "Location"),
          text("locations.facility", "Facility", SHORT),
          text("locations.city", "City", 100),
          input("locations.country", "Country (ISO code)", 2),
          choice("locations.status", "Recruitment status"));

  /**
   * A field of the registration form. {@code max} is what the record accepts of one value (of each
   * line, for a list edited one per line; the largest number, for a number; 0 when unchecked);
   * {@code inputMax} is the most text the form's input takes (0 for a choice). A group is a list of
   * rows, its label the row title.
   */
  public record Field(
      String path, String label, String hint, int max, int inputMax, boolean requiredToPublish) {
    Field hint(String text) {
      return new Field(path, label, text, max, inputMax, requiredToPublish);
    }

    Field required() {
      return new Field(path, label, hint, max, inputMax, true);
    }
  }

  private FieldLabels() {}

  /**
   * The form field at a record path; list indices are ignored ({@code arms[2].label} is {@code
   * arms.label}).
   */
  public static Field field(String path) {
    Field f = FIELDS.get(INDEX.matcher(path).replaceAll(""));
    if (f == null) throw new IllegalArgumentException("No form field " + path);
    return f;
  }

  public static Collection<Field> fields() {
    return FIELDS.values();
  }

  /**
   * What the record accepts of the value at a path: characters, or for a number its largest value.
   */
  public static int max(String path) {
    return field(path).max();
  }

  private static Map<String, Field> fields(Field... fields) {
    Map<String, Field> out = new LinkedHashMap<>();
    for (Field f : fields) {
      if (out.put(f.path(), f) != null) throw new IllegalStateException("Twice: " + f.path());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Text the record and the form limit alike. */
  private static Field text(String path, String label, int max) {
    return new Field(path, label, null, max, max, false);
  }

  /** Text only the form limits (the record checks its format, if anything). */
  private static Field input(String path, String label, int inputMax) {
    return new Field(path, label, null, 0, inputMax, false);
  }

  /**
   * A list edited one per line: each line up to {@code lineMax}, the whole text up to {@code
   * textMax}.
   */
  private static Field lines(String path, String label, int lineMax, int textMax) {
    return new Field(path, label, null, lineMax, textMax, false);
  }

  private static Field choice(String path, String label) {
    return new Field(path, label, null, 0, 0, false);
  }

  private static Field group(String path, String label) {
    return new Field(path, label, null, 0, 0, false);
  }

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
