package org.trialledger.registry.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialledger.registry.domain.PartialDate;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.Contact;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.RegistrationRecord.DatedEvent;
import org.trialledger.registry.domain.RegistrationRecord.Eligibility;
import org.trialledger.registry.domain.RegistrationRecord.Enrolment;
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
import org.trialledger.registry.domain.RegistryId;

class CtGovExporterTest {
  static final RegistryId ID = new RegistryId(42);
  static final LocalDate REGISTERED = LocalDate.of(2026, 2, 1);
  static final SecondaryId OUR_ID = new SecondaryId(CtGovExporter.REGISTRY_ISSUER, ID.toString());

  /** A record holding every field CT.gov can carry, in the form the importer produces. */
  static RegistrationRecord sample() {
    Contact desk = new Contact("Trial Desk", null, "trials@helix.example", "+49 30 1234", null);
    Contact scientist =
        new Contact("Dr A. Researcher", null, "a.researcher@helix.example", null, null);
    return new RegistrationRecord(
        null,
        List.of(
            new SecondaryId("ClinicalTrials.gov", "NCT09999999"),
            new SecondaryId("Helix Therapeutics", "HX-1-001"),
            new SecondaryId("EudraCT", "2025-000123-45"),
            new SecondaryId("DRKS", "DRKS00031234")),
        List.of("Helix Therapeutics", "Charité Berlin"),
        "Helix Therapeutics",
        List.of("Charité Berlin"),
        desk,
        scientist,
        "A study of drug X in adults with asthma",
        "A randomised, double-blind trial of X versus placebo in moderate asthma",
        "HX-1",
        List.of("DE", "KR", "GB"),
        List.of("Asthma", "Bronchial hyperreactivity"),
        List.of(
            new Intervention("DRUG", "X", "100 mg daily"),
            new Intervention("DRUG", "Placebo", null)),
        new Eligibility(
            "* Adults\n* Moderate asthma",
            "* Smokers",
            Sex.ALL,
            "18 Years",
            "75 Years",
            false,
            "Screening visit first."),
        new StudyDesign(
            StudyType.INTERVENTIONAL,
            "RANDOMIZED",
            "PARALLEL",
            "DOUBLE",
            "TREATMENT",
            List.of("PHASE2", "PHASE3")),
        new DatedEvent(PartialDate.of("2026-03"), DateType.ANTICIPATED),
        new Enrolment(240, DateType.ANTICIPATED),
        RecruitmentStatus.NOT_YET_RECRUITING,
        List.of(new Outcome("FEV1 change", "12 weeks", "Litres")),
        List.of(new Outcome("Exacerbations", "52 weeks", null)),
        null,
        new DatedEvent(PartialDate.of("2027-06-30"), DateType.ANTICIPATED),
        new DatedEvent(PartialDate.of("2027-12"), DateType.ANTICIPATED),
        null,
        new IpdSharing(IpdPlan.YES, "On request after publication"),
        "Summary",
        "Details",
        List.of(
            new Arm("X", "EXPERIMENTAL", "Drug X", List.of("Drug: X")),
            new Arm("Placebo", "PLACEBO_COMPARATOR", null, List.of("Drug: Placebo"))),
        List.of(
            new Location("Charité", "Berlin", "DE", "NOT_YET_RECRUITING"),
            new Location("Seoul National University Hospital", "Seoul", "KR", null)));
  }

  static RegistrationRecord with(
      RegistrationRecord r, List<SecondaryId> ids, SummaryResults results) {
    return new RegistrationRecord(
        null,
        ids,
        r.fundingSources(),
        r.primarySponsor(),
        r.secondarySponsors(),
        r.publicContact(),
        r.scientificContact(),
        r.publicTitle(),
        r.scientificTitle(),
        r.acronym(),
        r.countries(),
        r.conditions(),
        r.interventions(),
        r.eligibility(),
        r.design(),
        r.firstEnrolment(),
        r.enrolment(),
        r.recruitmentStatus(),
        r.primaryOutcomes(),
        r.secondaryOutcomes(),
        r.ethicsReview(),
        r.primaryCompletion(),
        r.completion(),
        results,
        r.ipdSharing(),
        r.briefSummary(),
        r.detailedDescription(),
        r.arms(),
        r.locations());
  }

  static List<SecondaryId> plusOurs(List<SecondaryId> ids) {
    List<SecondaryId> out = new ArrayList<>(ids);
    out.add(OUR_ID);
    return out;
  }

  @Test
  void importOfExportGivesTheRecordBackWithOurIdAdded() {
    RegistrationRecord r = sample();
    ImportResult back = CtGovImporter.importStudy(CtGovExporter.exportJson(r, ID, REGISTERED));
    assertEquals(with(r, plusOurs(r.secondaryIds()), null), back.record());
    // The exporter writes nothing the importer leaves out, save the registration date and our id's
    // type.
    assertEquals(
        List.of(
            "protocolSection.identificationModule.secondaryIdInfos[2].type",
            "protocolSection.statusModule.studyFirstSubmitDate"),
        back.unmapped());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NCT06171568", "NCT00763412"})
  void realRecordsSurviveExportAndReimport(String nctId) {
    RegistrationRecord imported = CtGovImporterTest.importVector(nctId).record();
    RegistrationRecord again =
        CtGovImporter.importStudy(CtGovExporter.export(imported, ID, REGISTERED)).record();
    // Results are not exported: the registry does not hold their content.
    assertEquals(with(imported, plusOurs(imported.secondaryIds()), null), again);
  }

  @Test
  void exportHasCtGovModulesAndValues() {
    JsonObject p = CtGovExporter.export(sample(), ID, REGISTERED).getJsonObject("protocolSection");
    assertEquals(
        List.of(
            "identificationModule",
            "statusModule",
            "sponsorCollaboratorsModule",
            "descriptionModule",
            "conditionsModule",
            "designModule",
            "armsInterventionsModule",
            "outcomesModule",
            "eligibilityModule",
            "contactsLocationsModule",
            "ipdSharingStatementModule"),
        List.copyOf(p.keySet()));
    JsonObject id = p.getJsonObject("identificationModule");
    assertEquals("NCT09999999", id.getString("nctId"));
    assertEquals("HX-1-001", id.getJsonObject("orgStudyIdInfo").getString("id"));
    assertEquals("Helix Therapeutics", id.getJsonObject("organization").getString("fullName"));
    assertEquals(
        "{\"id\":\"2025-000123-45\",\"type\":\"EUDRACT_NUMBER\"}",
        id.getJsonArray("secondaryIdInfos").get(0).toString());
    assertEquals(
        "{\"id\":\"DRKS00031234\",\"type\":\"OTHER\",\"domain\":\"DRKS\"}",
        id.getJsonArray("secondaryIdInfos").get(1).toString());
    assertEquals(
        "{\"id\":\"" + ID + "\",\"type\":\"REGISTRY\",\"domain\":\"TrialLedger\"}",
        id.getJsonArray("secondaryIdInfos").get(2).toString());
    JsonObject status = p.getJsonObject("statusModule");
    assertEquals("NOT_YET_RECRUITING", status.getString("overallStatus"));
    assertEquals(
        "{\"date\":\"2026-03\",\"type\":\"ESTIMATED\"}",
        status.getJsonObject("startDateStruct").toString());
    assertEquals("2026-02-01", status.getString("studyFirstSubmitDate"));
    assertEquals(
        "Screening visit first.\n\nInclusion Criteria:\n\n* Adults\n* Moderate asthma\n\nExclusion Criteria:\n\n* Smokers",
        p.getJsonObject("eligibilityModule").getString("eligibilityCriteria"));
    assertEquals(
        "[\"X\"]",
        p.getJsonObject("armsInterventionsModule")
            .getJsonArray("interventions")
            .getJsonObject(0)
            .getJsonArray("armGroupLabels")
            .toString());
    JsonObject cl = p.getJsonObject("contactsLocationsModule");
    assertEquals(2, cl.getJsonArray("centralContacts").size());
    assertEquals(
        List.of("Germany", "Korea, Republic of", "United Kingdom"),
        cl.getJsonArray("locations").getValuesAs(JsonObject.class).stream()
            .map(l -> l.getString("country"))
            .toList());
    assertFalse(
        cl.getJsonArray("locations").getJsonObject(2).containsKey("facility"),
        "a country without a site");
    assertTrue(CtGovExporter.exportJson(sample(), ID, REGISTERED).contains("\n"), "pretty printed");
  }

  @Test
  void emptyRecordExportsAnEmptyProtocolSectionThatImports() {
    JsonObject json = CtGovExporter.export(RegistrationRecord.empty(), null, null);
    assertEquals("{\"protocolSection\":{}}", json.toString());
    assertEquals(RegistrationRecord.empty(), CtGovImporter.importStudy(json).record());
  }
}
