package org.trialledger.registry.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.DocumentKind;
import org.trialledger.registry.domain.RegistrationRecord;

/** The choices the registry's forms offer, with labels a person reads. */
@Named
@ApplicationScoped
public class RegistryOptions {
  private final List<SelectItem> countries = countryItems();

  public List<SelectItem> getRecruitmentStatuses() {
    return items(RegistrationRecord.RecruitmentStatus.values());
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
    return items(RegistrationRecord.StudyType.values());
  }

  public List<SelectItem> getDateTypes() {
    return items(RegistrationRecord.DateType.values());
  }

  public List<SelectItem> getSexes() {
    return items(RegistrationRecord.Sex.values());
  }

  public List<SelectItem> getEthicsStatuses() {
    return items(RegistrationRecord.EthicsStatus.values());
  }

  public List<SelectItem> getIpdPlans() {
    return items(RegistrationRecord.IpdPlan.values());
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

  /** "RECRUITING" → "Recruiting", for tables. */
  public String label(String constant) {
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
