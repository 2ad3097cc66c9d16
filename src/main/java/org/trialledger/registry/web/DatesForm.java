package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.blank;
import static org.trialledger.registry.web.FormText.name;

import java.io.Serializable;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.RegistrationRecord.Enrolment;
import org.trialledger.registry.domain.RegistrationRecord.RecruitmentStatus;

/** Dates (items 16, 22), sample size (17) and recruitment status (18). */
public class DatesForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private DatedForm firstEnrolment = new DatedForm();
  private DatedForm primaryCompletion = new DatedForm();
  private DatedForm completion = new DatedForm();
  private Integer enrolmentCount;
  private String enrolmentType, recruitmentStatus;

  static DatesForm of(RegistrationRecord r) {
    DatesForm f = new DatesForm();
    f.firstEnrolment = DatedForm.of(r.firstEnrolment());
    f.primaryCompletion = DatedForm.of(r.primaryCompletion());
    f.completion = DatedForm.of(r.completion());
    if (r.enrolment() != null) {
      f.enrolmentCount = r.enrolment().count();
      f.enrolmentType = name(r.enrolment().type());
    }
    f.recruitmentStatus = name(r.recruitmentStatus());
    return f;
  }

  Enrolment toEnrolment(FormErrors errors) {
    if (enrolmentCount == null && blank(enrolmentType)) return null;
    return new Enrolment(
        enrolmentCount, errors.choice("enrolment.type", DateType.class, enrolmentType));
  }

  RecruitmentStatus toRecruitmentStatus(FormErrors errors) {
    return errors.choice("recruitmentStatus", RecruitmentStatus.class, recruitmentStatus);
  }

  public DatedForm getFirstEnrolment() {
    return firstEnrolment;
  }

  public DatedForm getPrimaryCompletion() {
    return primaryCompletion;
  }

  public DatedForm getCompletion() {
    return completion;
  }

  public Integer getEnrolmentCount() {
    return enrolmentCount;
  }

  public void setEnrolmentCount(Integer v) {
    enrolmentCount = v;
  }

  public String getEnrolmentType() {
    return enrolmentType;
  }

  public void setEnrolmentType(String v) {
    enrolmentType = v;
  }

  public String getRecruitmentStatus() {
    return recruitmentStatus;
  }

  public void setRecruitmentStatus(String v) {
    recruitmentStatus = v;
  }
}
