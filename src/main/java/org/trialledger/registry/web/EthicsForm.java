package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.name;
import static org.trialledger.registry.web.FormText.text;
import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import org.trialledger.registry.domain.RegistrationRecord.EthicsReview;
import org.trialledger.registry.domain.RegistrationRecord.EthicsStatus;

/** Ethics review (item 21): status, approval date and the committee. */
public class EthicsForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String status, approvalDate, committee, contact;

  static EthicsForm of(EthicsReview e) {
    EthicsForm f = new EthicsForm();
    if (e != null) {
      f.status = name(e.status());
      f.approvalDate = text(e.approvalDate());
      f.committee = e.committeeName();
      f.contact = e.committeeContact();
    }
    return f;
  }

  EthicsReview toReview(FormErrors errors) {
    if (allBlank(status, approvalDate, committee, contact)) return null;
    return new EthicsReview(
        errors.choice("ethicsReview.status", EthicsStatus.class, status),
        errors.date("ethicsReview.approvalDate", approvalDate),
        trim(committee),
        trim(contact));
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String v) {
    status = v;
  }

  public String getApprovalDate() {
    return approvalDate;
  }

  public void setApprovalDate(String v) {
    approvalDate = v;
  }

  public String getCommittee() {
    return committee;
  }

  public void setCommittee(String v) {
    committee = v;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String v) {
    contact = v;
  }
}
