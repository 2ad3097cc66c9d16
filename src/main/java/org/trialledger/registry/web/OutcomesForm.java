package org.trialledger.registry.web;

import java.io.Serializable;
import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Outcome;

/** Primary and secondary outcomes (items 19, 20). */
public class OutcomesForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private Rows<OutcomeRow> primary = new Rows<>(OutcomeRow::new);
  private Rows<OutcomeRow> secondary = new Rows<>(OutcomeRow::new);

  static OutcomesForm of(RegistrationRecord r) {
    OutcomesForm f = new OutcomesForm();
    f.primary = Rows.of(OutcomeRow::new, r.primaryOutcomes(), OutcomeRow::of);
    f.secondary = Rows.of(OutcomeRow::new, r.secondaryOutcomes(), OutcomeRow::of);
    return f;
  }

  List<Outcome> primaryList() {
    return primary.toList(OutcomeRow::toOutcome);
  }

  List<Outcome> secondaryList() {
    return secondary.toList(OutcomeRow::toOutcome);
  }

  public Rows<OutcomeRow> getPrimary() {
    return primary;
  }

  public Rows<OutcomeRow> getSecondary() {
    return secondary;
  }
}
