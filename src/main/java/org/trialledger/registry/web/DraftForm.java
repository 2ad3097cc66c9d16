package org.trialledger.registry.web;

import java.io.Serializable;
import java.util.List;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.RegistrationRecord;

/**
 * The registration form's model, one sub-form per section of the page, converted to and from the
 * immutable {@link RegistrationRecord}. Lists of names are edited one per line; structured lists as
 * {@link Rows}. Text that cannot become a record value (a malformed date, an unknown choice) is
 * reported per field by {@link #toRecord}, all errors at once.
 */
public class DraftForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private TitlesForm titles = new TitlesForm();
  private SponsorsForm sponsors = new SponsorsForm();
  private ConditionsForm conditions = new ConditionsForm();
  private DesignForm design = new DesignForm();
  private EligibilityForm eligibility = new EligibilityForm();
  private DatesForm dates = new DatesForm();
  private OutcomesForm outcomes = new OutcomesForm();
  private Rows<LocationRow> locations = new Rows<>(LocationRow::new);
  private EthicsForm ethics = new EthicsForm();
  private ResultsForm results = new ResultsForm();

  public static DraftForm of(RegistrationRecord r) {
    DraftForm f = new DraftForm();
    f.titles = TitlesForm.of(r);
    f.sponsors = SponsorsForm.of(r);
    f.conditions = ConditionsForm.of(r);
    f.design = DesignForm.of(r);
    f.eligibility = EligibilityForm.of(r.eligibility());
    f.dates = DatesForm.of(r);
    f.outcomes = OutcomesForm.of(r);
    f.locations = Rows.of(LocationRow::new, r.locations(), LocationRow::of);
    f.ethics = EthicsForm.of(r.ethicsReview());
    f.results = ResultsForm.of(r);
    return f;
  }

  /**
   * The record this form describes; malformed dates and unknown choices are field errors, in record
   * order.
   */
  public RegistrationRecord toRecord() {
    FormErrors errors = new FormErrors();
    RegistrationRecord r = build(errors);
    errors.throwIfAny();
    return r;
  }

  /** The record with what the form could not read left out, and the errors of what it left out. */
  public record Reading(RegistrationRecord record, List<FieldError> unreadable) {}

  public Reading read() {
    FormErrors errors = new FormErrors();
    RegistrationRecord r = build(errors);
    return new Reading(r, errors.list());
  }

  private RegistrationRecord build(FormErrors errors) {
    return new RegistrationRecord(
        RegistrationRecord.SCHEMA,
        titles.secondaryIdList(),
        sponsors.fundingSourceList(),
        sponsors.primarySponsor(),
        sponsors.secondarySponsorList(),
        sponsors.getPublicContact().toContact(),
        sponsors.getScientificContact().toContact(),
        titles.publicTitle(),
        titles.scientificTitle(),
        titles.acronym(),
        conditions.countryList(),
        conditions.conditionList(),
        conditions.interventionList(),
        eligibility.toEligibility(errors),
        design.toDesign(errors),
        dates.getFirstEnrolment().toEvent(errors, "firstEnrolment"),
        dates.toEnrolment(errors),
        dates.toRecruitmentStatus(errors),
        outcomes.primaryList(),
        outcomes.secondaryList(),
        ethics.toReview(errors),
        dates.getPrimaryCompletion().toEvent(errors, "primaryCompletion"),
        dates.getCompletion().toEvent(errors, "completion"),
        results.toSummaryResults(errors),
        results.toIpdSharing(errors),
        titles.briefSummary(),
        titles.detailedDescription(),
        design.armList(),
        locations.toList(LocationRow::toLocation));
  }

  public TitlesForm getTitles() {
    return titles;
  }

  public SponsorsForm getSponsors() {
    return sponsors;
  }

  public ConditionsForm getConditions() {
    return conditions;
  }

  public DesignForm getDesign() {
    return design;
  }

  public EligibilityForm getEligibility() {
    return eligibility;
  }

  public DatesForm getDates() {
    return dates;
  }

  public OutcomesForm getOutcomes() {
    return outcomes;
  }

  public Rows<LocationRow> getLocations() {
    return locations;
  }

  public EthicsForm getEthics() {
    return ethics;
  }

  public ResultsForm getResults() {
    return results;
  }
}
