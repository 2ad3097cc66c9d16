package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.codes;
import static org.trialledger.registry.web.FormText.lines;
import static org.trialledger.registry.web.FormText.list;

import java.io.Serializable;
import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Intervention;

/** Conditions studied, countries of recruitment and interventions (items 11 to 13). */
public class ConditionsForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String conditions, countries;
  private Rows<InterventionRow> interventions = new Rows<>(InterventionRow::new);

  static ConditionsForm of(RegistrationRecord r) {
    ConditionsForm f = new ConditionsForm();
    f.conditions = lines(r.conditions());
    f.countries = lines(r.countries());
    f.interventions = Rows.of(InterventionRow::new, r.interventions(), InterventionRow::of);
    return f;
  }

  List<String> conditionList() {
    return list(conditions);
  }

  List<String> countryList() {
    return codes(countries);
  }

  List<Intervention> interventionList() {
    return interventions.toList(InterventionRow::toIntervention);
  }

  public String getConditions() {
    return conditions;
  }

  public void setConditions(String v) {
    conditions = v;
  }

  public String getCountries() {
    return countries;
  }

  public void setCountries(String v) {
    countries = v;
  }

  public Rows<InterventionRow> getInterventions() {
    return interventions;
  }
}
