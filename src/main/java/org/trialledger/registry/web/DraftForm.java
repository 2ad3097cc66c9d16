package org.trialledger.registry.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.PartialDate;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.Contact;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.RegistrationRecord.DatedEvent;
import org.trialledger.registry.domain.RegistrationRecord.Eligibility;
import org.trialledger.registry.domain.RegistrationRecord.Enrolment;
import org.trialledger.registry.domain.RegistrationRecord.EthicsReview;
import org.trialledger.registry.domain.RegistrationRecord.EthicsStatus;
import org.trialledger.registry.domain.RegistrationRecord.Intervention;
import org.trialledger.registry.domain.RegistrationRecord.IpdPlan;
import org.trialledger.registry.domain.RegistrationRecord.IpdSharing;
import org.trialledger.registry.domain.RegistrationRecord.Location;
import org.trialledger.registry.domain.RegistrationRecord.Outcome;
import org.trialledger.registry.domain.RegistrationRecord.RecruitmentStatus;
import org.trialledger.registry.domain.RegistrationRecord.SecondaryId;
import org.trialledger.registry.domain.RegistrationRecord.Sex;
import org.trialledger.registry.domain.RegistrationRecord.StudyDesign;
import org.trialledger.registry.domain.RegistrationRecord.StudyType;
import org.trialledger.registry.domain.RegistrationRecord.SummaryResults;

/**
 * The registration form's model: plain mutable fields a facelet binds to, converted to and from the
 * immutable {@link RegistrationRecord}. Lists of names are edited one per line; structured lists as rows.
 * Text that cannot become a record value (a malformed date) is reported per field by {@link #toRecord}.
 */
public class DraftForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String publicTitle, scientificTitle, acronym, primarySponsor, briefSummary, detailedDescription;
  private String fundingSources, secondarySponsors, countries, conditions, phases;
  private ContactRow publicContact = new ContactRow();
  private ContactRow scientificContact = new ContactRow();
  private String inclusionCriteria, exclusionCriteria, criteriaText, sex, minimumAge, maximumAge;
  private Boolean healthyVolunteers;
  private String studyType, allocation, interventionModel, masking, primaryPurpose;
  private String firstEnrolmentDate, firstEnrolmentType, primaryCompletionDate, primaryCompletionType, completionDate, completionType;
  private Integer enrolmentCount;
  private String enrolmentType, recruitmentStatus;
  private String ethicsStatus, ethicsApprovalDate, ethicsCommittee, ethicsContact;
  private String resultsFirstPosted, resultsUrl, resultsSummary;
  private String ipdPlan, ipdDescription;
  private List<SecondaryIdRow> secondaryIds = new ArrayList<>();
  private List<InterventionRow> interventions = new ArrayList<>();
  private List<OutcomeRow> primaryOutcomes = new ArrayList<>();
  private List<OutcomeRow> secondaryOutcomes = new ArrayList<>();
  private List<ArmRow> arms = new ArrayList<>();
  private List<LocationRow> locations = new ArrayList<>();

  public static DraftForm of(RegistrationRecord r) {
    DraftForm f = new DraftForm();
    f.publicTitle = r.publicTitle();
    f.scientificTitle = r.scientificTitle();
    f.acronym = r.acronym();
    f.primarySponsor = r.primarySponsor();
    f.briefSummary = r.briefSummary();
    f.detailedDescription = r.detailedDescription();
    f.fundingSources = lines(r.fundingSources());
    f.secondarySponsors = lines(r.secondarySponsors());
    f.countries = lines(r.countries());
    f.conditions = lines(r.conditions());
    f.publicContact = ContactRow.of(r.publicContact());
    f.scientificContact = ContactRow.of(r.scientificContact());
    if (r.eligibility() != null) {
      Eligibility e = r.eligibility();
      f.inclusionCriteria = e.inclusionCriteria();
      f.exclusionCriteria = e.exclusionCriteria();
      f.criteriaText = e.criteriaText();
      f.sex = name(e.sex());
      f.minimumAge = e.minimumAge();
      f.maximumAge = e.maximumAge();
      f.healthyVolunteers = e.healthyVolunteers();
    }
    if (r.design() != null) {
      StudyDesign d = r.design();
      f.studyType = name(d.studyType());
      f.allocation = d.allocation();
      f.interventionModel = d.interventionModel();
      f.masking = d.masking();
      f.primaryPurpose = d.primaryPurpose();
      f.phases = lines(d.phases());
    }
    if (r.firstEnrolment() != null) {
      f.firstEnrolmentDate = text(r.firstEnrolment().date());
      f.firstEnrolmentType = name(r.firstEnrolment().type());
    }
    if (r.primaryCompletion() != null) {
      f.primaryCompletionDate = text(r.primaryCompletion().date());
      f.primaryCompletionType = name(r.primaryCompletion().type());
    }
    if (r.completion() != null) {
      f.completionDate = text(r.completion().date());
      f.completionType = name(r.completion().type());
    }
    if (r.enrolment() != null) {
      f.enrolmentCount = r.enrolment().count();
      f.enrolmentType = name(r.enrolment().type());
    }
    f.recruitmentStatus = name(r.recruitmentStatus());
    if (r.ethicsReview() != null) {
      f.ethicsStatus = name(r.ethicsReview().status());
      f.ethicsApprovalDate = text(r.ethicsReview().approvalDate());
      f.ethicsCommittee = r.ethicsReview().committeeName();
      f.ethicsContact = r.ethicsReview().committeeContact();
    }
    if (r.summaryResults() != null) {
      f.resultsFirstPosted = text(r.summaryResults().firstPosted());
      f.resultsUrl = r.summaryResults().url();
      f.resultsSummary = r.summaryResults().summary();
    }
    if (r.ipdSharing() != null) {
      f.ipdPlan = name(r.ipdSharing().plan());
      f.ipdDescription = r.ipdSharing().description();
    }
    r.secondaryIds().forEach(s -> f.secondaryIds.add(new SecondaryIdRow(s.issuer(), s.id())));
    r.interventions().forEach(i -> f.interventions.add(new InterventionRow(i.type(), i.name(), i.description())));
    r.primaryOutcomes().forEach(o -> f.primaryOutcomes.add(new OutcomeRow(o.measure(), o.timeFrame(), o.description())));
    r.secondaryOutcomes().forEach(o -> f.secondaryOutcomes.add(new OutcomeRow(o.measure(), o.timeFrame(), o.description())));
    r.arms().forEach(a -> f.arms.add(new ArmRow(a.label(), a.type(), a.description(), lines(a.interventionNames()))));
    r.locations().forEach(l -> f.locations.add(new LocationRow(l.facility(), l.city(), l.country(), l.status())));
    return f;
  }

  /** The record this form describes; malformed dates and unknown choices are field errors. */
  public RegistrationRecord toRecord() {
    Errors errors = new Errors();
    RegistrationRecord r =
        new RegistrationRecord(
            RegistrationRecord.SCHEMA,
            secondaryIds.stream().filter(s -> !blank(s.id) || !blank(s.issuer)).map(s -> new SecondaryId(trim(s.issuer), trim(s.id))).toList(),
            list(fundingSources),
            trim(primarySponsor),
            list(secondarySponsors),
            publicContact.toContact(),
            scientificContact.toContact(),
            trim(publicTitle),
            trim(scientificTitle),
            trim(acronym),
            list(countries).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(),
            list(conditions),
            interventions.stream().filter(i -> !i.isEmpty()).map(i -> new Intervention(trim(i.type), trim(i.name), trim(i.description))).toList(),
            eligibility(errors),
            design(errors),
            dated(errors, "firstEnrolment.date", firstEnrolmentDate, firstEnrolmentType),
            enrolmentCount == null && blank(enrolmentType) ? null : new Enrolment(enrolmentCount, errors.choice("enrolment.type", DateType.class, enrolmentType)),
            errors.choice("recruitmentStatus", RecruitmentStatus.class, recruitmentStatus),
            primaryOutcomes.stream().filter(o -> !o.isEmpty()).map(OutcomeRow::toOutcome).toList(),
            secondaryOutcomes.stream().filter(o -> !o.isEmpty()).map(OutcomeRow::toOutcome).toList(),
            ethics(errors),
            dated(errors, "primaryCompletion.date", primaryCompletionDate, primaryCompletionType),
            dated(errors, "completion.date", completionDate, completionType),
            blank(resultsFirstPosted) && blank(resultsUrl) && blank(resultsSummary)
                ? null
                : new SummaryResults(errors.date("summaryResults.firstPosted", resultsFirstPosted), trim(resultsUrl), trim(resultsSummary)),
            blank(ipdPlan) && blank(ipdDescription) ? null : new IpdSharing(errors.choice("ipdSharing.plan", IpdPlan.class, ipdPlan), trim(ipdDescription)),
            trim(briefSummary),
            trim(detailedDescription),
            arms.stream().filter(a -> !a.isEmpty()).map(a -> new Arm(trim(a.label), trim(a.type), trim(a.description), list(a.interventionNames))).toList(),
            locations.stream().filter(l -> !l.isEmpty())
                .map(l -> new Location(trim(l.facility), trim(l.city), l.country == null ? null : trim(l.country.toUpperCase(Locale.ROOT)), trim(l.status))).toList());
    if (!errors.list.isEmpty()) throw new InvalidRecordException(errors.list);
    return r;
  }

  private Eligibility eligibility(Errors errors) {
    if (allBlank(inclusionCriteria, exclusionCriteria, criteriaText, sex, minimumAge, maximumAge) && healthyVolunteers == null) return null;
    return new Eligibility(trim(inclusionCriteria), trim(exclusionCriteria), errors.choice("eligibility.sex", Sex.class, sex), trim(minimumAge),
        trim(maximumAge), healthyVolunteers, trim(criteriaText));
  }

  private StudyDesign design(Errors errors) {
    if (allBlank(studyType, allocation, interventionModel, masking, primaryPurpose, phases)) return null;
    return new StudyDesign(errors.choice("design.studyType", StudyType.class, studyType), trim(allocation), trim(interventionModel), trim(masking),
        trim(primaryPurpose), list(phases));
  }

  private EthicsReview ethics(Errors errors) {
    if (allBlank(ethicsStatus, ethicsApprovalDate, ethicsCommittee, ethicsContact)) return null;
    return new EthicsReview(errors.choice("ethicsReview.status", EthicsStatus.class, ethicsStatus),
        errors.date("ethicsReview.approvalDate", ethicsApprovalDate), trim(ethicsCommittee), trim(ethicsContact));
  }

  private static DatedEvent dated(Errors errors, String field, String date, String type) {
    if (blank(date) && blank(type)) return null;
    return new DatedEvent(errors.date(field, date), errors.choice(field.replace(".date", ".type"), DateType.class, type));
  }

  public void addSecondaryId() { secondaryIds.add(new SecondaryIdRow(null, null)); }
  public void addIntervention() { interventions.add(new InterventionRow(null, null, null)); }
  public void addPrimaryOutcome() { primaryOutcomes.add(new OutcomeRow(null, null, null)); }
  public void addSecondaryOutcome() { secondaryOutcomes.add(new OutcomeRow(null, null, null)); }
  public void addArm() { arms.add(new ArmRow(null, null, null, null)); }
  public void addLocation() { locations.add(new LocationRow(null, null, null, null)); }

  static String lines(List<String> items) {
    return items == null || items.isEmpty() ? null : String.join("\n", items);
  }

  static List<String> list(String lines) {
    if (lines == null) return List.of();
    return Arrays.stream(lines.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean allBlank(String... values) {
    return Arrays.stream(values).allMatch(DraftForm::blank);
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static String text(PartialDate d) {
    return d == null ? null : d.value();
  }

  public String getPublicTitle() {
    return publicTitle;
  }

  public void setPublicTitle(String value) {
    this.publicTitle = value;
  }

  public String getScientificTitle() {
    return scientificTitle;
  }

  public void setScientificTitle(String value) {
    this.scientificTitle = value;
  }

  public String getAcronym() {
    return acronym;
  }

  public void setAcronym(String value) {
    this.acronym = value;
  }

  public String getPrimarySponsor() {
    return primarySponsor;
  }

  public void setPrimarySponsor(String value) {
    this.primarySponsor = value;
  }

  public String getBriefSummary() {
    return briefSummary;
  }

  public void setBriefSummary(String value) {
    this.briefSummary = value;
  }

  public String getDetailedDescription() {
    return detailedDescription;
  }

  public void setDetailedDescription(String value) {
    this.detailedDescription = value;
  }

  public String getFundingSources() {
    return fundingSources;
  }

  public void setFundingSources(String value) {
    this.fundingSources = value;
  }

  public String getSecondarySponsors() {
    return secondarySponsors;
  }

  public void setSecondarySponsors(String value) {
    this.secondarySponsors = value;
  }

  public String getCountries() {
    return countries;
  }

  public void setCountries(String value) {
    this.countries = value;
  }

  public String getConditions() {
    return conditions;
  }

  public void setConditions(String value) {
    this.conditions = value;
  }

  public String getPhases() {
    return phases;
  }

  public void setPhases(String value) {
    this.phases = value;
  }

  public String getInclusionCriteria() {
    return inclusionCriteria;
  }

  public void setInclusionCriteria(String value) {
    this.inclusionCriteria = value;
  }

  public String getExclusionCriteria() {
    return exclusionCriteria;
  }

  public void setExclusionCriteria(String value) {
    this.exclusionCriteria = value;
  }

  public String getCriteriaText() {
    return criteriaText;
  }

  public void setCriteriaText(String value) {
    this.criteriaText = value;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String value) {
    this.sex = value;
  }

  public String getMinimumAge() {
    return minimumAge;
  }

  public void setMinimumAge(String value) {
    this.minimumAge = value;
  }

  public String getMaximumAge() {
    return maximumAge;
  }

  public void setMaximumAge(String value) {
    this.maximumAge = value;
  }

  public Boolean getHealthyVolunteers() {
    return healthyVolunteers;
  }

  public void setHealthyVolunteers(Boolean value) {
    this.healthyVolunteers = value;
  }

  public String getStudyType() {
    return studyType;
  }

  public void setStudyType(String value) {
    this.studyType = value;
  }

  public String getAllocation() {
    return allocation;
  }

  public void setAllocation(String value) {
    this.allocation = value;
  }

  public String getInterventionModel() {
    return interventionModel;
  }

  public void setInterventionModel(String value) {
    this.interventionModel = value;
  }

  public String getMasking() {
    return masking;
  }

  public void setMasking(String value) {
    this.masking = value;
  }

  public String getPrimaryPurpose() {
    return primaryPurpose;
  }

  public void setPrimaryPurpose(String value) {
    this.primaryPurpose = value;
  }

  public String getFirstEnrolmentDate() {
    return firstEnrolmentDate;
  }

  public void setFirstEnrolmentDate(String value) {
    this.firstEnrolmentDate = value;
  }

  public String getFirstEnrolmentType() {
    return firstEnrolmentType;
  }

  public void setFirstEnrolmentType(String value) {
    this.firstEnrolmentType = value;
  }

  public String getPrimaryCompletionDate() {
    return primaryCompletionDate;
  }

  public void setPrimaryCompletionDate(String value) {
    this.primaryCompletionDate = value;
  }

  public String getPrimaryCompletionType() {
    return primaryCompletionType;
  }

  public void setPrimaryCompletionType(String value) {
    this.primaryCompletionType = value;
  }

  public String getCompletionDate() {
    return completionDate;
  }

  public void setCompletionDate(String value) {
    this.completionDate = value;
  }

  public String getCompletionType() {
    return completionType;
  }

  public void setCompletionType(String value) {
    this.completionType = value;
  }

  public Integer getEnrolmentCount() {
    return enrolmentCount;
  }

  public void setEnrolmentCount(Integer value) {
    this.enrolmentCount = value;
  }

  public String getEnrolmentType() {
    return enrolmentType;
  }

  public void setEnrolmentType(String value) {
    this.enrolmentType = value;
  }

  public String getRecruitmentStatus() {
    return recruitmentStatus;
  }

  public void setRecruitmentStatus(String value) {
    this.recruitmentStatus = value;
  }

  public String getEthicsStatus() {
    return ethicsStatus;
  }

  public void setEthicsStatus(String value) {
    this.ethicsStatus = value;
  }

  public String getEthicsApprovalDate() {
    return ethicsApprovalDate;
  }

  public void setEthicsApprovalDate(String value) {
    this.ethicsApprovalDate = value;
  }

  public String getEthicsCommittee() {
    return ethicsCommittee;
  }

  public void setEthicsCommittee(String value) {
    this.ethicsCommittee = value;
  }

  public String getEthicsContact() {
    return ethicsContact;
  }

  public void setEthicsContact(String value) {
    this.ethicsContact = value;
  }

  public String getResultsFirstPosted() {
    return resultsFirstPosted;
  }

  public void setResultsFirstPosted(String value) {
    this.resultsFirstPosted = value;
  }

  public String getResultsUrl() {
    return resultsUrl;
  }

  public void setResultsUrl(String value) {
    this.resultsUrl = value;
  }

  public String getResultsSummary() {
    return resultsSummary;
  }

  public void setResultsSummary(String value) {
    this.resultsSummary = value;
  }

  public String getIpdPlan() {
    return ipdPlan;
  }

  public void setIpdPlan(String value) {
    this.ipdPlan = value;
  }

  public String getIpdDescription() {
    return ipdDescription;
  }

  public void setIpdDescription(String value) {
    this.ipdDescription = value;
  }

  public List<SecondaryIdRow> getSecondaryIds() {
    return secondaryIds;
  }

  public List<InterventionRow> getInterventions() {
    return interventions;
  }

  public List<OutcomeRow> getPrimaryOutcomes() {
    return primaryOutcomes;
  }

  public List<OutcomeRow> getSecondaryOutcomes() {
    return secondaryOutcomes;
  }

  public List<ArmRow> getArms() {
    return arms;
  }

  public List<LocationRow> getLocations() {
    return locations;
  }

  public ContactRow getPublicContact() {
    return publicContact;
  }

  public ContactRow getScientificContact() {
    return scientificContact;
  }

  /** Collects conversion errors so that all of them are shown at once. */
  private static final class Errors {
    final List<FieldError> list = new ArrayList<>();

    PartialDate date(String field, String text) {
      try {
        return PartialDate.of(text);
      } catch (IllegalArgumentException e) {
        list.add(new FieldError(field, e.getMessage()));
        return null;
      }
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
      if (blank(value)) return null;
      try {
        return Enum.valueOf(type, value.strip());
      } catch (IllegalArgumentException e) {
        list.add(new FieldError(field, "Choose one of the listed values"));
        return null;
      }
    }
  }

  /** A contact as form fields. */
  public static class ContactRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public String name, affiliation, email, phone, address;

    static ContactRow of(Contact c) {
      ContactRow row = new ContactRow();
      if (c != null) {
        row.name = c.name();
        row.affiliation = c.affiliation();
        row.email = c.email();
        row.phone = c.phone();
        row.address = c.address();
      }
      return row;
    }

    Contact toContact() {
      if (allBlank(name, affiliation, email, phone, address)) return null;
      return new Contact(trim(name), trim(affiliation), trim(email), trim(phone), trim(address));
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getAffiliation() { return affiliation; }
    public void setAffiliation(String v) { affiliation = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
  }

  /** A secondary identifier row. */
  public static class SecondaryIdRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public String issuer, id;

    SecondaryIdRow(String issuer, String id) {
      this.issuer = issuer;
      this.id = id;
    }

    public String getIssuer() { return issuer; }
    public void setIssuer(String v) { issuer = v; }
    public String getId() { return id; }
    public void setId(String v) { id = v; }
  }

  /** An intervention row. */
  public static class InterventionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public String type, name, description;

    InterventionRow(String type, String name, String description) {
      this.type = type;
      this.name = name;
      this.description = description;
    }

    boolean isEmpty() { return allBlank(type, name, description); }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
  }

  /** An outcome row. */
  public static class OutcomeRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public String measure, timeFrame, description;

    OutcomeRow(String measure, String timeFrame, String description) {
      this.measure = measure;
      this.timeFrame = timeFrame;
      this.description = description;
    }

    boolean isEmpty() { return allBlank(measure, timeFrame, description); }
    Outcome toOutcome() { return new Outcome(trim(measure), trim(timeFrame), trim(description)); }
    public String getMeasure() { return measure; }
    public void setMeasure(String v) { measure = v; }
    public String getTimeFrame() { return timeFrame; }
    public void setTimeFrame(String v) { timeFrame = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
  }

  /** An arm row; its interventions are named one per line. */
  public static class ArmRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public String label, type, description, interventionNames;

    ArmRow(String label, String type, String description, String interventionNames) {
      this.label = label;
      this.type = type;
      this.description = description;
      this.interventionNames = interventionNames;
    }

    boolean isEmpty() { return allBlank(label, type, description, interventionNames); }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getInterventionNames() { return interventionNames; }
    public void setInterventionNames(String v) { interventionNames = v; }
  }

  /** A location row. */
  public static class LocationRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public String facility, city, country, status;

    LocationRow(String facility, String city, String country, String status) {
      this.facility = facility;
      this.city = city;
      this.country = country;
      this.status = status;
    }

    boolean isEmpty() { return allBlank(facility, city, country, status); }
    public String getFacility() { return facility; }
    public void setFacility(String v) { facility = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
  }
}
