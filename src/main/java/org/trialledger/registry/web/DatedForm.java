package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.blank;
import static org.trialledger.registry.web.FormText.name;
import static org.trialledger.registry.web.FormText.text;

import java.io.Serializable;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.RegistrationRecord.DatedEvent;

/** A date that may be partial and whether it is actual or anticipated, as form fields. */
public class DatedForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String date, type;

  static DatedForm of(DatedEvent e) {
    DatedForm form = new DatedForm();
    if (e != null) {
      form.date = text(e.date());
      form.type = name(e.type());
    }
    return form;
  }

  /**
   * The event, or null when both fields are blank; errors are reported under {@code path.date} and
   * {@code path.type}.
   */
  DatedEvent toEvent(FormErrors errors, String path) {
    if (blank(date) && blank(type)) return null;
    return new DatedEvent(
        errors.date(path + ".date", date), errors.choice(path + ".type", DateType.class, type));
  }

  public String getDate() {
    return date;
  }

  public void setDate(String v) {
    date = v;
  }

  public String getType() {
    return type;
  }

  public void setType(String v) {
    type = v;
  }
}
