package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.trim;

import org.trialledger.registry.domain.RegistrationRecord.Intervention;

/** An intervention (item 13) as form fields. */
public class InterventionRow implements Rows.Row {
  private static final long serialVersionUID = 1L;
  private String type, name, description;

  static InterventionRow of(Intervention i) {
    InterventionRow row = new InterventionRow();
    row.type = i.type();
    row.name = i.name();
    row.description = i.description();
    return row;
  }

  Intervention toIntervention() {
    return new Intervention(trim(type), trim(name), trim(description));
  }

  @Override
  public boolean isEmpty() {
    return allBlank(type, name, description);
  }

  public String getType() {
    return type;
  }

  public void setType(String v) {
    type = v;
  }

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }
}
