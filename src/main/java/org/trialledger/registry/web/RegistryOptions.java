package org.trialledger.registry.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.trialledger.platform.web.OptionTags;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.DocumentKind;
import org.trialledger.registry.domain.Vocabulary;

/** The choices the registry's forms offer, with labels a person reads. */
@Named
@ApplicationScoped
public class RegistryOptions {
  private final List<SelectItem> countries = countryItems();
  private final OptionTags countryOptions = OptionTags.prepare(countries);

  public List<SelectItem> getRecruitmentStatuses() {
    return choices("RECRUITMENT_STATUS", null);
  }

  public List<SelectItem> getPhases() {
    return List.of(
        new SelectItem("EARLY_PHASE1", "Early phase 1"),
        new SelectItem("PHASE1", "Phase 1"),
        new SelectItem("PHASE2", "Phase 2"),
        new SelectItem("PHASE3", "Phase 3"),
        new SelectItem("PHASE4", "Phase 4"),
        new SelectItem("NA", "Not applicable"));
  }

  public List<SelectItem> getStudyTypes() {
    return choices("STUDY_TYPE", null);
  }

  public List<SelectItem> getDateTypes() {
    return choices("DATE_TYPE", null);
  }

  public List<SelectItem> getSexes() {
    return choices("SEX", null);
  }

  public List<SelectItem> getEthicsStatuses() {
    return choices("ETHICS_STATUS", null);
  }

  public List<SelectItem> getIpdPlans() {
    return choices("IPD_PLAN", null);
  }

  public List<SelectItem> getHealthyVolunteers() {
    return List.of(
        new SelectItem(Boolean.TRUE, "Accepted"), new SelectItem(Boolean.FALSE, "Not accepted"));
  }

  public List<SelectItem> getDocumentKinds() {
    List<SelectItem> out = new ArrayList<>();
    for (DocumentKind k : DocumentKind.values()) out.add(new SelectItem(k.name(), k.label()));
    return out;
  }

  public List<SelectItem> getSeverities() {
    return items(CommentSeverity.values());
  }

  public List<SelectItem> getSortOrders() {
    return List.of(
        new SelectItem("RELEVANCE", "Relevance"),
        new SelectItem("NEWEST", "Newest registration"),
        new SelectItem("TITLE", "Title"),
        new SelectItem("START_DATE", "Start date"));
  }

  public List<SelectItem> getCountries() {
    return countries;
  }

  /** The options of a plain select, with {@code selected} chosen ({@link OptionTags}). */
  public String optionTags(List<SelectItem> items, String selected) {
    return OptionTags.of(items, selected);
  }

  /** The 250 countries' options, escaped once for the application's life. */
  public String countryOptionTags(String selected) {
    return countryOptions.render(selected);
  }

  /**
   * A vocabulary's choices (see {@link Vocabulary}) for a select menu, by the vocabulary's name. A
   * current value that is no code (text entered before the item was a choice) stays offered,
   * marked, so that the form shows it until the sponsor picks a code.
   */
  public List<SelectItem> choices(String vocabulary, String current) {
    Vocabulary v = Vocabulary.valueOf(vocabulary);
    List<SelectItem> out = new ArrayList<>();
    v.labels().forEach((code, label) -> out.add(new SelectItem(code, label)));
    if (current != null && !current.isBlank() && !v.contains(current))
      out.add(new SelectItem(current, "\u201c" + current + "\u201d (not a choice: pick one)"));
    return out;
  }

  /**
   * The phases a trial may register, as ClinicalTrials.gov's PRS offers them: one or two adjacent
   * phases. The value is the codes joined by commas (what {@code DesignForm#getPhaseChoice} reads).
   */
  public List<SelectItem> phaseChoices(String current) {
    List<SelectItem> out = new ArrayList<>();
    for (String value :
        List.of(
            "EARLY_PHASE1",
            "PHASE1",
            "PHASE1,PHASE2",
            "PHASE2",
            "PHASE2,PHASE3",
            "PHASE3",
            "PHASE4",
            "NA")) {
      out.add(new SelectItem(value, phasesLabel(value)));
    }
    if (current != null
        && !current.isBlank()
        && out.stream().noneMatch(i -> i.getValue().equals(current)))
      out.add(new SelectItem(current, "\u201c" + current + "\u201d (not a choice: pick one)"));
    return out;
  }

  /** A registered list of phases as one label: [PHASE2, PHASE3] → "Phase 2/Phase 3". */
  public String phaseList(List<String> phases) {
    return phases == null || phases.isEmpty() ? "Not given" : phasesLabel(String.join(",", phases));
  }

  /** Texts joined by commas, for lists shown in a line. */
  public String joined(List<String> items) {
    return items == null ? "" : String.join(", ", items);
  }

  /** "PHASE2,PHASE3" → "Phase 2/Phase 3". */
  public String phasesLabel(String codes) {
    return phasesLabelOf(codes);
  }

  /** {@link #phasesLabel} without the bean (for HTML written by hand: {@link ResultCards}). */
  static String phasesLabelOf(String codes) {
    if (codes == null || codes.isBlank()) return "";
    List<String> labels = new ArrayList<>();
    for (String c : codes.split(",")) labels.add(Vocabulary.PHASE.label(c.strip()));
    return String.join("/", labels);
  }

  /** The label of a code of a vocabulary, by the vocabulary's name; unmapped text as entered. */
  public String coded(String vocabulary, String code) {
    return code == null ? "" : Vocabulary.valueOf(vocabulary).label(code);
  }

  /** An instant as people read it, the zone stated: "28 Nov 2026, 10:29 UTC". */
  public String utc(java.time.Instant instant) {
    return org.trialledger.platform.web.ReadableTime.utc(instant);
  }

  /** A country's English name with its code: "Germany (DE)"; the code alone if unknown. */
  public String country(String code) {
    if (code == null) return "";
    String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
  }

  /** "RECRUITING" → "Recruiting", for tables. */
  public String label(String constant) {
    return constantLabel(constant);
  }

  /** {@link #label} without the bean (for HTML written by hand: {@link ResultCards}). */
  static String constantLabel(String constant) {
    if (constant == null) return "";
    String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private List<SelectItem> items(Enum<?>[] values) {
    List<SelectItem> out = new ArrayList<>();
    for (Enum<?> v : values) out.add(new SelectItem(v.name(), label(v.name())));
    return out;
  }

  private static List<SelectItem> countryItems() {
    List<SelectItem> out = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      out.add(
          new SelectItem(
              code, new Locale("", code).getDisplayCountry(Locale.ENGLISH) + " (" + code + ")"));
    }
    out.sort(Comparator.comparing(SelectItem::getLabel));
    return out;
  }
}
