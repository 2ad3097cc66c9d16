package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.lines;
import static org.trialledger.registry.web.FormText.list;
import static org.trialledger.registry.web.FormText.trim;

import org.trialledger.registry.domain.RegistrationRecord.Arm;

/** An arm as form fields; its interventions are named one per line. */
public class ArmRow implements Rows.Row {
  private static final long serialVersionUID = 1L;
  private String label, type, description, interventionNames;

  static ArmRow of(Arm a) {
    ArmRow row = new ArmRow();
    row.label = a.label();
    row.type = a.type();
    row.description = a.description();
    row.interventionNames = lines(a.interventionNames());
    return row;
  }

  Arm toArm() {
    return new Arm(trim(label), trim(type), trim(description), list(interventionNames));
  }

  @Override
  public boolean isEmpty() {
    return allBlank(label, type, description, interventionNames);
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String v) {
    label = v;
  }

  public String getType() {
    return type;
  }

  public void setType(String v) {
    type = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }

  public String getInterventionNames() {
    return interventionNames;
  }

  public void setInterventionNames(String v) {
    interventionNames = v;
  }
}
