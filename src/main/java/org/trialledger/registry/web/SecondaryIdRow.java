package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.trim;

import org.trialledger.registry.domain.RegistrationRecord.SecondaryId;

/** A secondary identifier (item 3) as form fields. */
public class SecondaryIdRow implements Rows.Row {
  private static final long serialVersionUID = 1L;
  private String issuer, id;

  static SecondaryIdRow of(SecondaryId s) {
    SecondaryIdRow row = new SecondaryIdRow();
    row.issuer = s.issuer();
    row.id = s.id();
    return row;
  }

  SecondaryId toSecondaryId() {
    return new SecondaryId(trim(issuer), trim(id));
  }

  @Override
  public boolean isEmpty() {
    return allBlank(issuer, id);
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String v) {
    issuer = v;
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }
}
