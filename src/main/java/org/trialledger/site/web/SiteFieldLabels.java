package org.trialledger.site.web;

import java.util.Locale;
import java.util.Map;

/**
 * The names site pages show for the fields the services name in their errors: people read "Onset",
 * not {@code onsetDate} or {@code signature.signedAt}.
 */
final class SiteFieldLabels {
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("occurredAt", "When (UTC)"),
          Map.entry("event", "Event"),
          Map.entry("consentForm", "Consent form version"),
          Map.entry("consentFormVersionId", "Consent form version"),
          Map.entry("signature", "Signature"),
          Map.entry("signature.signedAt", "Time of signing"),
          Map.entry("signature.signer", "Signer"),
          Map.entry("signature.printedName", "Printed name"),
          Map.entry("reason", "Reason"),
          Map.entry("reasonForChange", "Reason for change"),
          Map.entry("status", "The subject"),
          Map.entry("detail", "Details"),
          Map.entry("date", "Date"),
          Map.entry("visit", "Visit"),
          Map.entry("observedOn", "Observed on"),
          Map.entry("outcomeMeasure", "Outcome measure"),
          Map.entry("valueType", "Kind"),
          Map.entry("value", "Value"),
          Map.entry("unit", "Unit"),
          Map.entry("eventId", "Adverse event"),
          Map.entry("term", "Term"),
          Map.entry("serious", "Serious"),
          Map.entry("severity", "Severity"),
          Map.entry("onsetDate", "Onset"),
          Map.entry("endDate", "End"),
          Map.entry("outcome", "Outcome"),
          Map.entry("relatedness", "Related to the intervention"),
          Map.entry("birthDate", "Birth date"),
          Map.entry("name", "Name"),
          Map.entry("contact", "Contact"),
          Map.entry("site", "Site"),
          Map.entry("principalInvestigator", "Principal investigator"),
          Map.entry("label", "Version label"),
          Map.entry("language", "Language"),
          Map.entry("fileName", "File"),
          Map.entry("kind", "Document"));

  private SiteFieldLabels() {}

  /** A coded choice in words: {@code RECOVERED_RESOLVED} → "Recovered resolved". */
  static String choice(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A coded choice in words; a dash when none was chosen. */
  static String choice(Enum<?> code) {
    return code == null ? "—" : choice(code.name());
  }

  /** The label of a field; an unknown name in words ({@code enteredAt} → "Entered at"). */
  static String of(String field) {
    String label = LABELS.get(field);
    if (label != null) return label;
    String last = field.substring(field.lastIndexOf('.') + 1);
    StringBuilder out = new StringBuilder();
    for (char c : last.toCharArray()) {
      if (Character.isUpperCase(c)) out.append(' ').append(Character.toLowerCase(c));
      else out.append(c);
    }
    return out.isEmpty() ? field : Character.toUpperCase(out.charAt(0)) + out.substring(1);
  }
}
