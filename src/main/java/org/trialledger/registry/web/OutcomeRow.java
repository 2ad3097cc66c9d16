package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.trim;

import org.trialledger.registry.domain.RegistrationRecord.Outcome;

/** A primary or secondary outcome (items 19, 20) as form fields. */
public class OutcomeRow implements Rows.Row {
  private static final long serialVersionUID = 1L;
  private String measure, timeFrame, description;

  static OutcomeRow of(Outcome o) {
    OutcomeRow row = new OutcomeRow();
    row.measure = o.measure();
    row.timeFrame = o.timeFrame();
    row.description = o.description();
    return row;
  }

  Outcome toOutcome() {
    return new Outcome(trim(measure), trim(timeFrame), trim(description));
  }

  @Override
  public boolean isEmpty() {
    return allBlank(measure, timeFrame, description);
  }

  public String getMeasure() {
    return measure;
  }

  public void setMeasure(String v) {
    measure = v;
  }

  public String getTimeFrame() {
    return timeFrame;
  }

  public void setTimeFrame(String v) {
    timeFrame = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }
}
