package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.SecondaryId;

/** Titles, summaries and secondary identifiers (items 3, 9, 10). */
public class TitlesForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String publicTitle, scientificTitle, acronym, briefSummary, detailedDescription;
  private Rows<SecondaryIdRow> secondaryIds = new Rows<>(SecondaryIdRow::new);

  static TitlesForm of(RegistrationRecord r) {
    TitlesForm f = new TitlesForm();
    f.publicTitle = r.publicTitle();
    f.scientificTitle = r.scientificTitle();
    f.acronym = r.acronym();
    f.briefSummary = r.briefSummary();
    f.detailedDescription = r.detailedDescription();
    f.secondaryIds = Rows.of(SecondaryIdRow::new, r.secondaryIds(), SecondaryIdRow::of);
    return f;
  }

  String publicTitle() {
    return trim(publicTitle);
  }

  String scientificTitle() {
    return trim(scientificTitle);
  }

  String acronym() {
    return trim(acronym);
  }

  String briefSummary() {
    return trim(briefSummary);
  }

  String detailedDescription() {
    return trim(detailedDescription);
  }

  List<SecondaryId> secondaryIdList() {
    return secondaryIds.toList(SecondaryIdRow::toSecondaryId);
  }

  public String getPublicTitle() {
    return publicTitle;
  }

  public void setPublicTitle(String v) {
    publicTitle = v;
  }

  public String getScientificTitle() {
    return scientificTitle;
  }

  public void setScientificTitle(String v) {
    scientificTitle = v;
  }

  public String getAcronym() {
    return acronym;
  }

  public void setAcronym(String v) {
    acronym = v;
  }

  public String getBriefSummary() {
    return briefSummary;
  }

  public void setBriefSummary(String v) {
    briefSummary = v;
  }

  public String getDetailedDescription() {
    return detailedDescription;
  }

  public void setDetailedDescription(String v) {
    detailedDescription = v;
  }

  public Rows<SecondaryIdRow> getSecondaryIds() {
    return secondaryIds;
  }
}
