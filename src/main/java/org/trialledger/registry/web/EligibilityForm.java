package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.name;
import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import org.trialledger.registry.domain.RegistrationRecord.Eligibility;
import org.trialledger.registry.domain.RegistrationRecord.Sex;

/** Key inclusion and exclusion criteria (item 14), ages, sex and healthy volunteers. */
public class EligibilityForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String inclusionCriteria, exclusionCriteria, criteriaText, sex, minimumAge, maximumAge;
  private Boolean healthyVolunteers;

  static EligibilityForm of(Eligibility e) {
    EligibilityForm f = new EligibilityForm();
    if (e != null) {
      f.inclusionCriteria = e.inclusionCriteria();
      f.exclusionCriteria = e.exclusionCriteria();
      f.criteriaText = e.criteriaText();
      f.sex = name(e.sex());
      f.minimumAge = e.minimumAge();
      f.maximumAge = e.maximumAge();
      f.healthyVolunteers = e.healthyVolunteers();
    }
    return f;
  }

  Eligibility toEligibility(FormErrors errors) {
    if (allBlank(inclusionCriteria, exclusionCriteria, criteriaText, sex, minimumAge, maximumAge)
        && healthyVolunteers == null) return null;
    return new Eligibility(
        trim(inclusionCriteria),
        trim(exclusionCriteria),
        errors.choice("eligibility.sex", Sex.class, sex),
        trim(minimumAge),
        trim(maximumAge),
        healthyVolunteers,
        trim(criteriaText));
  }

  public String getInclusionCriteria() {
    return inclusionCriteria;
  }

  public void setInclusionCriteria(String v) {
    inclusionCriteria = v;
  }

  public String getExclusionCriteria() {
    return exclusionCriteria;
  }

  public void setExclusionCriteria(String v) {
    exclusionCriteria = v;
  }

  public String getCriteriaText() {
    return criteriaText;
  }

  public void setCriteriaText(String v) {
    criteriaText = v;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String v) {
    sex = v;
  }

  public String getMinimumAge() {
    return minimumAge;
  }

  public void setMinimumAge(String v) {
    minimumAge = v;
  }

  public String getMaximumAge() {
    return maximumAge;
  }

  public void setMaximumAge(String v) {
    maximumAge = v;
  }

  public Boolean getHealthyVolunteers() {
    return healthyVolunteers;
  }

  public void setHealthyVolunteers(Boolean v) {
    healthyVolunteers = v;
  }
}
