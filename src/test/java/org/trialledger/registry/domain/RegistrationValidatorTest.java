package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
import org.trialledger.registry.domain.RegistrationRecord.Outcome;
import org.trialledger.registry.domain.RegistrationRecord.RecruitmentStatus;
import org.trialledger.registry.domain.RegistrationRecord.StudyDesign;
import org.trialledger.registry.domain.RegistrationRecord.StudyType;

class RegistrationValidatorTest {
  static RegistrationRecord complete() {
    Contact contact =
        new Contact("Trial Desk", "Helix Therapeutics", "trials@helix.example", null, null);
    return new RegistrationRecord(
        null,
        List.of(),
        List.of("Helix Therapeutics"),
        "Helix Therapeutics",
        List.of(),
        contact,
        contact,
        "A study of drug X in adults with asthma",
        "A randomised, double-blind trial of X versus placebo in moderate asthma",
        "HX-1",
        List.of("DE", "GB"),
        List.of("Asthma"),
        List.of(new Intervention("DRUG", "X", "100 mg daily")),
        new Eligibility(
            "Adults with moderate asthma",
            "Smokers",
            RegistrationRecord.Sex.ALL,
            "18 Years",
            "75 Years",
            false,
            null),
        new StudyDesign(
            StudyType.INTERVENTIONAL,
            "RANDOMIZED",
            "PARALLEL",
            "DOUBLE",
            "TREATMENT",
            List.of("PHASE2")),
        new DatedEvent(PartialDate.of("2026-03"), DateType.ANTICIPATED),
        new Enrolment(240, DateType.ANTICIPATED),
        RecruitmentStatus.NOT_YET_RECRUITING,
        List.of(new Outcome("FEV1 change", "12 weeks", null)),
        List.of(),
        new EthicsReview(
            EthicsStatus.APPROVED, PartialDate.of("2026-01-15"), "Ethics Committee Berlin", null),
        null,
        new DatedEvent(PartialDate.of("2027-12"), DateType.ANTICIPATED),
        null,
        new IpdSharing(IpdPlan.NO, null),
        "Summary",
        null,
        List.of(),
        List.of());
  }

  @Test
  void aCompleteRecordIsPublishable() {
    assertEquals(List.of(), RegistrationValidator.checkPublishable(complete()));
  }

  @Test
  void anEmptyDraftIsAValidDraftButNotPublishable() {
    assertEquals(List.of(), RegistrationValidator.checkDraft(RegistrationRecord.empty()));
    List<FieldError> missing = RegistrationValidator.checkPublishable(RegistrationRecord.empty());
    for (String field :
        List.of(
            "publicTitle",
            "scientificTitle",
            "primarySponsor",
            "countries",
            "conditions",
            "interventions",
            "primaryOutcomes",
            "recruitmentStatus",
            "ethicsReview.status",
            "ipdSharing.plan",
            "enrolment.count")) {
      assertTrue(
          missing.stream().anyMatch(e -> e.field().equals(field)),
          field + " should be required: " + missing);
    }
  }

  @Test
  void malformedFieldsAreNamed() {
    RegistrationRecord r = complete();
    RegistrationRecord bad =
        new RegistrationRecord(
            null,
            r.secondaryIds(),
            r.fundingSources(),
            r.primarySponsor(),
            r.secondarySponsors(),
            new Contact("x", null, "not-an-email", null, null),
            r.scientificContact(),
            "T".repeat(501),
            r.scientificTitle(),
            r.acronym(),
            List.of("XX"),
            r.conditions(),
            r.interventions(),
            new Eligibility(
                "adults", null, RegistrationRecord.Sex.ALL, "eighteen", null, null, null),
            r.design(),
            r.firstEnrolment(),
            r.enrolment(),
            r.recruitmentStatus(),
            r.primaryOutcomes(),
            r.secondaryOutcomes(),
            r.ethicsReview(),
            r.primaryCompletion(),
            new DatedEvent(PartialDate.of("2025-01"), DateType.ANTICIPATED),
            r.summaryResults(),
            r.ipdSharing(),
            r.briefSummary(),
            r.detailedDescription(),
            r.arms(),
            r.locations());
    List<String> fields =
        RegistrationValidator.checkDraft(bad).stream().map(FieldError::field).toList();
    assertEquals(
        List.of(
            "publicTitle",
            "publicContact.email",
            "countries[0]",
            "eligibility.minimumAge",
            "completion.date"),
        fields);
  }

  @Test
  void partialDatesAreCheckedAsCalendarDates() {
    assertEquals("2023-11", PartialDate.of("2023-11").value());
    assertThrows(IllegalArgumentException.class, () -> PartialDate.of("2023-13"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.of("2023-02-30"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.of("23-11"));
  }
}
