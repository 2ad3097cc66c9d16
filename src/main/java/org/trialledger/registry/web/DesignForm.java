package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.lines;
import static org.trialledger.registry.web.FormText.list;
import static org.trialledger.registry.web.FormText.name;
import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.StudyDesign;
import org.trialledger.registry.domain.RegistrationRecord.StudyType;

/** Study type and design (item 15) and the arms; phases are edited one per line. */
public class DesignForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String studyType, allocation, interventionModel, masking, primaryPurpose, phases;
  private Rows<ArmRow> arms = new Rows<>(ArmRow::new);

  static DesignForm of(RegistrationRecord r) {
    DesignForm f = new DesignForm();
    StudyDesign d = r.design();
    if (d != null) {
      f.studyType = name(d.studyType());
      f.allocation = d.allocation();
      f.interventionModel = d.interventionModel();
      f.masking = d.masking();
      f.primaryPurpose = d.primaryPurpose();
      f.phases = lines(d.phases());
    }
    f.arms = Rows.of(ArmRow::new, r.arms(), ArmRow::of);
    return f;
  }

  StudyDesign toDesign(FormErrors errors) {
    if (allBlank(studyType, allocation, interventionModel, masking, primaryPurpose, phases))
      return null;
    return new StudyDesign(
        errors.choice("design.studyType", StudyType.class, studyType),
        trim(allocation),
        trim(interventionModel),
        trim(masking),
        trim(primaryPurpose),
        list(phases));
  }

  List<Arm> armList() {
    return arms.toList(ArmRow::toArm);
  }

  public String getStudyType() {
    return studyType;
  }

  public void setStudyType(String v) {
    studyType = v;
  }

  public String getAllocation() {
    return allocation;
  }

  public void setAllocation(String v) {
    allocation = v;
  }

  public String getInterventionModel() {
    return interventionModel;
  }

  public void setInterventionModel(String v) {
    interventionModel = v;
  }

  public String getMasking() {
    return masking;
  }

  public void setMasking(String v) {
    masking = v;
  }

  public String getPrimaryPurpose() {
    return primaryPurpose;
  }

  public void setPrimaryPurpose(String v) {
    primaryPurpose = v;
  }

  public String getPhases() {
    return phases;
  }

  public void setPhases(String v) {
    phases = v;
  }

  /** The phases as the select menu's value: codes joined by commas ("PHASE2,PHASE3"). */
  public String getPhaseChoice() {
    List<String> p = list(phases);
    return p.isEmpty() ? null : String.join(",", p);
  }

  public void setPhaseChoice(String v) {
    phases = v == null ? null : v.replace(",", "\n");
  }

  public Rows<ArmRow> getArms() {
    return arms;
  }
}
