package org.trialledger.registry.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Vectors;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.PartialDate;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.Contact;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.RegistrationRecord.DatedEvent;
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
import org.trialledger.registry.domain.RegistrationValidator;

class CtGovImporterTest {
  static String vector(String nctId) {
    try {
      return Files.readString(Vectors.dir("ctgov").resolve(nctId + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportResult importVector(String nctId) {
    return CtGovImporter.importStudy(vector(nctId));
  }

  private static final String APHP = "Assistance Publique - Hôpitaux de Paris";

  @Test
  void protocolOnlyRecordImportsFieldByField() {
    ImportResult result = importVector("NCT06171568");
    RegistrationRecord r = result.record();
    assertEquals(RegistrationRecord.SCHEMA, r.schema());
    assertEquals(
        List.of(
            new SecondaryId("ClinicalTrials.gov", "NCT06171568"),
            new SecondaryId(APHP, "APHP230528"),
            new SecondaryId("IDRCB", "2023-A00386-39")),
        r.secondaryIds());
    assertEquals(
        "Lariboisière Cognitive Assessment: Evaluation of the 1-year Outcomes", r.publicTitle());
    assertEquals(
        "Study of the One-year Outcomes of Patients Hospitalized in the Lariboisière Neurosurgery Department",
        r.scientificTitle());
    assertEquals("ECOG", r.acronym());
    assertEquals(RecruitmentStatus.NOT_YET_RECRUITING, r.recruitmentStatus());
    assertEquals(
        new DatedEvent(PartialDate.of("2024-02-01"), DateType.ANTICIPATED), r.firstEnrolment());
    assertEquals(
        new DatedEvent(PartialDate.of("2025-02-01"), DateType.ANTICIPATED), r.primaryCompletion());
    assertEquals(
        new DatedEvent(PartialDate.of("2025-02-01"), DateType.ANTICIPATED), r.completion());
    assertEquals(APHP, r.primarySponsor());
    assertEquals(
        List.of("SBT Human(s) Matter", "Clinical Research Unit Saint Louis Lariboisière"),
        r.secondarySponsors());
    assertEquals(
        List.of(APHP, "SBT Human(s) Matter", "Clinical Research Unit Saint Louis Lariboisière"),
        r.fundingSources());
    assertEquals(
        "Cognitive sequelae are common following acquired brain injuries....", r.briefSummary());
    assertEquals("Traumatic brain injuries (TBI)...", r.detailedDescription());
    assertEquals(List.of("Brain Injuries"), r.conditions());
    assertEquals(
        new StudyDesign(StudyType.OBSERVATIONAL, null, null, null, null, List.of()), r.design());
    assertEquals(new Enrolment(400, DateType.ANTICIPATED), r.enrolment());
    assertEquals(List.of(), r.arms());
    assertEquals(
        List.of(
            new Intervention(
                "OTHER",
                "Tests and questionnaires",
                "1 year after discharge from neurosurgery department...")),
        r.interventions());
    assertEquals(
        List.of(
            new Outcome(
                "Evaluation of the functional..", "1 year", "The Modified Rankin Scale (MRS)...")),
        r.primaryOutcomes());
    assertEquals(7, r.secondaryOutcomes().size());
    assertEquals(
        new Outcome(
            "Assessment of the independence of patients in their daily life.",
            "1 year",
            "The Instrumental Activities of Daily Living (IADL) questionnaire will be submitted to patients."),
        r.secondaryOutcomes().get(0));
    assertEquals(
        new Outcome(
            "Posttraumatic stress disorder CheckList (PCL-5)",
            "1 year after discharge from Neurosurgery department of Lariboisière",
            "Assessment of post-traumatic stress"),
        r.secondaryOutcomes().get(6));
    assertEquals(
        List.of(
            "1 year",
            "1 year",
            "1 year",
            "1 year after discharge from Neurosurgery department of Lariboisière",
            "1 year after discharge from Neurosurgery department of Lariboisière",
            "1 year after discharge from Neurosurgery department of Lariboisière",
            "1 year after discharge from Neurosurgery department of Lariboisière"),
        r.secondaryOutcomes().stream().map(Outcome::timeFrame).toList());
    var el = r.eligibility();
    assertEquals("* Patient over 18 years...", el.inclusionCriteria());
    assertNull(el.exclusionCriteria());
    assertNull(el.criteriaText());
    assertEquals(Sex.ALL, el.sex());
    assertEquals("18 Years", el.minimumAge());
    assertNull(el.maximumAge());
    assertEquals(false, el.healthyVolunteers());
    Contact heslot =
        new Contact("Camille Heslot, MD", null, "camille.heslot@aphp.fr", "01.49.95.81.69", null);
    assertEquals(heslot, r.publicContact());
    assertEquals(
        new Contact(
            "Alexis Schnitzler, MD, PhD",
            null,
            "alexis.schnitzler@aphp.fr",
            "01.40.05.49.58",
            null),
        r.scientificContact());
    assertEquals(
        List.of(new Location("Neurosurgery - Lariboisière hospital", "Paris", "FR", null)),
        r.locations());
    assertEquals(List.of("FR"), r.countries());
    assertEquals(new IpdSharing(IpdPlan.NO, null), r.ipdSharing());
    assertNull(r.ethicsReview());
    assertNull(r.summaryResults());

    assertEquals(
        List.of(
            "protocolSection.identificationModule.organization.class",
            "protocolSection.statusModule.statusVerifiedDate",
            "protocolSection.statusModule.expandedAccessInfo",
            "protocolSection.statusModule.studyFirstSubmitDate",
            "protocolSection.statusModule.studyFirstSubmitQcDate",
            "protocolSection.statusModule.studyFirstPostDateStruct",
            "protocolSection.statusModule.lastUpdateSubmitDate",
            "protocolSection.statusModule.lastUpdatePostDateStruct",
            "protocolSection.sponsorCollaboratorsModule.responsibleParty",
            "protocolSection.sponsorCollaboratorsModule.leadSponsor.class",
            "protocolSection.sponsorCollaboratorsModule.collaborators[0].class",
            "protocolSection.sponsorCollaboratorsModule.collaborators[1].class",
            "protocolSection.oversightModule",
            "protocolSection.conditionsModule.keywords",
            "protocolSection.designModule.patientRegistry",
            "protocolSection.designModule.designInfo",
            "protocolSection.eligibilityModule.stdAges",
            "protocolSection.eligibilityModule.studyPopulation",
            "protocolSection.eligibilityModule.samplingMethod",
            "protocolSection.contactsLocationsModule.centralContacts[0].phoneExt",
            "protocolSection.contactsLocationsModule.centralContacts[1].phoneExt",
            "protocolSection.contactsLocationsModule.overallOfficials",
            "protocolSection.contactsLocationsModule.locations[0].state",
            "protocolSection.contactsLocationsModule.locations[0].zip",
            "protocolSection.contactsLocationsModule.locations[0].contacts",
            "protocolSection.contactsLocationsModule.locations[0].geoPoint",
            "protocolSection.referencesModule",
            "derivedSection"),
        result.unmapped());
    assertTrue(
        result.warnings().stream()
            .anyMatch(w -> w.contains("fundingSources are the lead sponsor and collaborators")));
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("ethicsReview was left empty")));
  }

  @Test
  void resultsBearingRecordImportsFieldByField() {
    ImportResult result = importVector("NCT00763412");
    RegistrationRecord r = result.record();
    assertEquals(
        List.of(
            new SecondaryId("ClinicalTrials.gov", "NCT00763412"),
            new SecondaryId("Arbelaez, Ana Maria", "05-1109"),
            new SecondaryId("NIH", "P60DK020579")),
        r.secondaryIds());
    String title =
        "Pilot and Feasibility Study for the Treatment of Pre-diabetes in Patients With Cystic Fibrosis";
    assertEquals(title, r.publicTitle());
    assertEquals(title, r.scientificTitle());
    assertNull(r.acronym());
    assertEquals(RecruitmentStatus.COMPLETED, r.recruitmentStatus());
    assertEquals(
        new DatedEvent(PartialDate.of("2006-11"), null),
        r.firstEnrolment(),
        "an old record's start date has no type");
    assertEquals(new DatedEvent(PartialDate.of("2013-01"), DateType.ACTUAL), r.primaryCompletion());
    assertEquals(new DatedEvent(PartialDate.of("2013-01"), DateType.ACTUAL), r.completion());
    assertEquals("Arbelaez, Ana Maria", r.primarySponsor());
    List<String> collaborators =
        List.of(
            "Washington University School of Medicine",
            "National Institutes of Health (NIH)",
            "Novo Nordisk A/S",
            "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)");
    assertEquals(collaborators, r.secondarySponsors());
    assertEquals(
        Stream.concat(Stream.of("Arbelaez, Ana Maria"), collaborators.stream()).toList(),
        r.fundingSources());
    assertTrue(
        r.briefSummary().startsWith("The purpose of this study is to provide the necessary data"));
    assertTrue(
        r.briefSummary().endsWith("between systemic inflammatory factors and glucose impairment."));
    assertTrue(
        r.detailedDescription()
            .startsWith("As people with Cystic Fibrosis (CF) are living well into adulthood"));
    assertTrue(r.detailedDescription().endsWith("who will be studied once without intervention"));
    assertEquals(3, r.detailedDescription().split("\n\n").length);
    assertEquals(
        List.of("Cystic Fibrosis Related Diabetes", "Pancreatic Insufficiency"), r.conditions());
    assertEquals(
        new StudyDesign(
            StudyType.INTERVENTIONAL,
            "RANDOMIZED",
            "PARALLEL",
            "QUADRUPLE",
            "OTHER",
            List.of("NA")),
        r.design());
    assertEquals(new Enrolment(31, DateType.ACTUAL), r.enrolment());
    assertEquals(
        List.of(
            new Arm(
                "1 Placebo",
                "PLACEBO_COMPARATOR",
                "1 pill before each meal 3-4 times a day for 2 years. All subjects had abnormal "
                    + "glucose tolerance. Subjects were randomized to placebo or drug.",
                List.of("Drug: placebo")),
            new Arm(
                "2. repaglinide",
                "EXPERIMENTAL",
                "repaglinide 0.5 mg before each meal 3-4 times a day for 2 years. All subjects had "
                    + "abnormal glucose tolerance.Subjects were randomized to placebo or drug.",
                List.of("Drug: repaglinide"))),
        r.arms());
    assertEquals(
        List.of("DRUG", "DRUG"), r.interventions().stream().map(Intervention::type).toList());
    assertEquals(
        List.of("placebo", "repaglinide"),
        r.interventions().stream().map(Intervention::name).toList());
    assertTrue(
        r.interventions()
            .get(0)
            .description()
            .startsWith("CF pancreatic insufficient patients with impaired glucose"));
    assertTrue(
        r.interventions()
            .get(1)
            .description()
            .endsWith(
                "treated with repaglinide 0.5 mg before each meal that contains more "
                    + "than 20 grams of carbohydrate 3-4 times a day for 2 years."));
    assertEquals(
        List.of(
            new Outcome("BMI", "2 year/end of study", null),
            new Outcome(
                "Body Composition", "2 year/end of study", "Reporting % of Fat and Lean body mass"),
            new Outcome("CRP", "2 year/end of study", null)),
        r.primaryOutcomes());
    assertEquals(
        List.of(
            new Outcome(
                "Glucose Tolerance",
                "2-year",
                "We completed the OGTT at the 2 year/end of study visit."),
            new Outcome("Inflammatory Markers", "2 year/end of study", null),
            new Outcome("Wt Z Score", "2 year/end of study", null),
            new Outcome(
                "Tanner Stage",
                "2 year/end of study",
                "Puberty scale measuring 1-5, 1 being least development, 5 being most development."),
            new Outcome("FEV 1", "2 year/end of study", "% of lung function"),
            new Outcome("C-Peptide", "2 year", null)),
        r.secondaryOutcomes());
    var el = r.eligibility();
    assertTrue(
        el.inclusionCriteria()
            .startsWith("* Male or females 12 -24 years old\n* Diagnosis of Cystic Fibrosis"));
    assertTrue(el.inclusionCriteria().endsWith("based on American Thoracic Society guidelines"));
    assertEquals(5, el.inclusionCriteria().split("\n").length);
    assertTrue(
        el.exclusionCriteria()
            .startsWith("* Patients receiving growth hormone therapy or taking insulin\n"));
    assertTrue(el.exclusionCriteria().endsWith("contraindicated with repaglinide"));
    assertEquals(6, el.exclusionCriteria().split("\n").length);
    assertNull(el.criteriaText());
    assertEquals(Sex.ALL, el.sex());
    assertEquals("12 Years", el.minimumAge());
    assertEquals("24 Years", el.maximumAge());
    assertEquals(false, el.healthyVolunteers());
    assertNull(r.publicContact(), "no central contact");
    assertEquals(
        new Contact(
            "Neil H White, M.D.", "Washington University School of Medicine", null, null, null),
        r.scientificContact());
    assertEquals(
        List.of(
            new Location("Washington University School of Medicine", "Saint Louis", "US", null)),
        r.locations());
    assertEquals(List.of("US"), r.countries());
    assertEquals(
        new IpdSharing(
            IpdPlan.UNDECIDED,
            "The outcome was inconclusive for this hypothesis, but the data may be valuable in "
                + "future research. We are not currently sharing data from this project."),
        r.ipdSharing());
    assertEquals(PartialDate.of("2017-06-05"), r.summaryResults().firstPosted());
    assertEquals(
        "https://clinicaltrials.gov/study/NCT00763412?tab=results", r.summaryResults().url());
    assertTrue(r.summaryResults().summary().contains("outcomeMeasuresModule"));

    List<String> unmapped = result.unmapped();
    for (String module :
        List.of(
            "participantFlowModule",
            "baselineCharacteristicsModule",
            "outcomeMeasuresModule",
            "adverseEventsModule",
            "moreInfoModule")) {
      assertTrue(unmapped.contains("resultsSection." + module), module);
    }
    for (String path :
        List.of(
            "protocolSection.identificationModule.secondaryIdInfos[0].link",
            "protocolSection.statusModule.resultsFirstSubmitDate",
            "protocolSection.designModule.designInfo.maskingInfo.whoMasked",
            "protocolSection.armsInterventionsModule.interventions[1].otherNames",
            "protocolSection.contactsLocationsModule.overallOfficials[0].role",
            "protocolSection.oversightModule",
            "protocolSection.conditionsModule.keywords",
            "derivedSection")) {
      assertTrue(unmapped.contains(path), path + " in " + unmapped);
    }
    for (String mapped :
        List.of(
            "protocolSection.statusModule.resultsFirstPostDateStruct",
            "hasResults",
            "protocolSection.armsInterventionsModule.interventions[0].armGroupLabels")) {
      assertTrue(
          unmapped.stream()
              .noneMatch(
                  u ->
                      u.equals(mapped) || u.startsWith(mapped + ".") || u.startsWith(mapped + "[")),
          mapped + " was mapped: " + unmapped);
    }
    assertTrue(
        result
            .warnings()
            .contains(
                "protocolSection.statusModule.startDateStruct does not say whether the date is ACTUAL or "
                    + "ESTIMATED; the type was left empty"),
        result.warnings().toString());
  }

  @Test
  void importedRecordsAreValidDraftsAndSayWhatPublicationStillNeeds() {
    RegistrationRecord protocolOnly = importVector("NCT06171568").record();
    RegistrationRecord withResults = importVector("NCT00763412").record();
    assertEquals(List.of(), RegistrationValidator.checkDraft(protocolOnly));
    assertEquals(List.of(), RegistrationValidator.checkDraft(withResults));
    // CT.gov carries no ethics review; the older record also has no central contact with e-mail or
    // phone.
    assertEquals(
        List.of("ethicsReview.status"),
        fields(RegistrationValidator.checkPublishable(protocolOnly)));
    assertEquals(
        List.of("publicContact", "scientificContact", "ethicsReview.status"),
        fields(RegistrationValidator.checkPublishable(withResults)));
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void missingModulesLeaveFieldsEmpty() {
    ImportResult result =
        CtGovImporter.importStudy(
            """
        {"protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "A small study"}}}""");
    RegistrationRecord r = result.record();
    assertEquals(List.of(new SecondaryId("ClinicalTrials.gov", "NCT01234567")), r.secondaryIds());
    assertEquals("A small study", r.publicTitle());
    RegistrationRecord expected =
        new RegistrationRecord(
            null,
            r.secondaryIds(),
            null,
            null,
            null,
            null,
            null,
            "A small study",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(expected, r);
    assertEquals(List.of(), result.unmapped());
    assertEquals(List.of(), RegistrationValidator.checkDraft(r));
  }

  @Test
  void partialDatesKeepTheirPrecisionAndBadDatesAreWarnedAbout() {
    ImportResult result =
        CtGovImporter.importStudy(
            """
        {"protocolSection": {"statusModule": {
          "startDateStruct": {"date": "2023-11", "type": "ESTIMATED"},
          "primaryCompletionDateStruct": {"date": "2024-02-30", "type": "ACTUAL"},
          "completionDateStruct": {"date": "2025", "type": "ANTICIPATED"}}}}""");
    RegistrationRecord r = result.record();
    assertEquals(
        new DatedEvent(PartialDate.of("2023-11"), DateType.ANTICIPATED), r.firstEnrolment());
    assertEquals("2023-11", r.firstEnrolment().date().value());
    assertNull(r.primaryCompletion());
    assertNull(r.completion());
    assertEquals(
        List.of(
            "protocolSection.statusModule.primaryCompletionDateStruct",
            "protocolSection.statusModule.completionDateStruct"),
        result.unmapped());
    assertTrue(
        result
            .warnings()
            .contains(
                "protocolSection.statusModule.primaryCompletionDateStruct.date: \"2024-02-30\" is not a date "
                    + "such as 2023-11 or 2023-11-05; it was left empty"),
        result.warnings().toString());
  }

  @Test
  void unknownCodesAreWarnedAboutAndLeftEmpty() {
    ImportResult result =
        CtGovImporter.importStudy(
            """
        {"protocolSection": {
          "statusModule": {"overallStatus": "AVAILABLE", "startDateStruct": {"date": "2020-01-02", "type": "GUESSED"}},
          "designModule": {"studyType": "EXPANDED_ACCESS", "phases": ["PHASE2", "PHASE5"],
                           "designInfo": {"allocation": "SORT_OF", "primaryPurpose": "TREATMENT"}},
          "eligibilityModule": {"sex": "ANY", "minimumAge": "eighteen", "maximumAge": "1 Year"},
          "ipdSharingStatementModule": {"ipdSharing": "MAYBE"},
          "contactsLocationsModule": {"locations": [{"facility": "Clinic", "country": "Atlantis", "status": "OPEN"}]}}}""");
    RegistrationRecord r = result.record();
    assertNull(r.recruitmentStatus());
    assertEquals(new DatedEvent(PartialDate.of("2020-01-02"), null), r.firstEnrolment());
    assertEquals(
        new StudyDesign(
            StudyType.EXPANDED_ACCESS, null, null, null, "TREATMENT", List.of("PHASE2")),
        r.design());
    assertNull(r.eligibility().sex());
    assertNull(r.eligibility().minimumAge());
    assertEquals("1 Years", r.eligibility().maximumAge());
    assertNull(r.ipdSharing());
    assertEquals(List.of(), r.countries());
    assertEquals(List.of(new Location("Clinic", null, null, null)), r.locations());
    assertEquals(
        List.of(
            "protocolSection.statusModule.overallStatus",
            "protocolSection.statusModule.startDateStruct.type",
            "protocolSection.designModule.phases[1]",
            "protocolSection.designModule.designInfo.allocation",
            "protocolSection.eligibilityModule.sex",
            "protocolSection.eligibilityModule.minimumAge",
            "protocolSection.ipdSharingStatementModule",
            "protocolSection.contactsLocationsModule.locations[0].country",
            "protocolSection.contactsLocationsModule.locations[0].status"),
        result.unmapped());
    for (String warning :
        List.of(
            "protocolSection.statusModule.overallStatus: unknown value \"AVAILABLE\"; the field was left empty",
            "protocolSection.designModule.phases: unknown value \"PHASE5\"; it was left out",
            "protocolSection.eligibilityModule.minimumAge: unknown value \"eighteen\"; the field was left empty",
            "protocolSection.contactsLocationsModule.locations[0].country: no ISO 3166 code is known for \"Atlantis\"; it is not among the "
                + "countries")) {
      assertTrue(result.warnings().contains(warning), warning + " in " + result.warnings());
    }
    assertEquals(List.of(), RegistrationValidator.checkDraft(r));
  }

  @Test
  void wrongTypesAreWarnedAboutNotThrown() {
    ImportResult result =
        CtGovImporter.importStudy(
            """
        {"protocolSection": {
          "identificationModule": {"briefTitle": 42, "officialTitle": "Right"},
          "conditionsModule": {"conditions": "Asthma"},
          "designModule": "interventional",
          "outcomesModule": {"primaryOutcomes": ["FEV1", {"measure": "FEV1", "timeFrame": 12}]},
          "eligibilityModule": {"healthyVolunteers": "no", "sex": "FEMALE"},
          "armsInterventionsModule": {"interventions": [{"description": "no name"}]}},
         "hasResults": "yes"}""");
    RegistrationRecord r = result.record();
    assertNull(r.publicTitle());
    assertEquals("Right", r.scientificTitle());
    assertEquals(List.of(), r.conditions());
    assertNull(r.design());
    assertEquals(List.of(new Outcome("FEV1", null, null)), r.primaryOutcomes());
    assertEquals(Sex.FEMALE, r.eligibility().sex());
    assertNull(r.eligibility().healthyVolunteers());
    assertEquals(List.of(), r.interventions());
    assertEquals(
        List.of(
            "protocolSection.identificationModule.briefTitle",
            "protocolSection.conditionsModule",
            "protocolSection.designModule",
            "protocolSection.outcomesModule.primaryOutcomes[0]",
            "protocolSection.outcomesModule.primaryOutcomes[1].timeFrame",
            "protocolSection.eligibilityModule.healthyVolunteers",
            "protocolSection.armsInterventionsModule",
            "hasResults"),
        result.unmapped());
    for (String warning :
        List.of(
            "protocolSection.identificationModule.briefTitle should be text; it was ignored",
            "protocolSection.conditionsModule.conditions should be a list; it was ignored",
            "protocolSection.designModule should be an object; it was ignored",
            "protocolSection.outcomesModule.primaryOutcomes[0] should be an object; it was ignored",
            "protocolSection.eligibilityModule.healthyVolunteers should be true or false; it was ignored",
            "protocolSection.armsInterventionsModule.interventions[0] has no name; the intervention was left out")) {
      assertTrue(result.warnings().contains(warning), warning + " in " + result.warnings());
    }
  }

  @Test
  void fieldsWithoutAHomeAreListedByPath() {
    ImportResult result =
        CtGovImporter.importStudy(
            """
        {"protocolSection": {
          "statusModule": {"overallStatus": "TERMINATED", "whyStopped": "Funding ended"},
          "outcomesModule": {"primaryOutcomes": [{"measure": "Death", "timeFrame": "1 year"}],
                             "otherOutcomes": [{"measure": "Cost", "timeFrame": "1 year"}]},
          "ipdSharingStatementModule": {"ipdSharing": "YES", "description": "On request", "infoTypes": ["STUDY_PROTOCOL"],
                                        "url": "https://example.org/ipd"},
          "contactsLocationsModule": {"centralContacts": [{"name": "Desk", "role": "CONTACT", "email": "desk@example.org"}],
                                      "overallOfficials": [{"name": "Dr B", "role": "PRINCIPAL_INVESTIGATOR"}]},
          "futureModule": {"novelty": true}},
         "documentSection": {"largeDocumentModule": {"largeDocs": [{"filename": "Prot_000.pdf"}]}},
         "hasResults": true}""");
    RegistrationRecord r = result.record();
    assertEquals(RecruitmentStatus.TERMINATED, r.recruitmentStatus());
    assertEquals(new IpdSharing(IpdPlan.YES, "On request"), r.ipdSharing());
    Contact desk = new Contact("Desk", null, "desk@example.org", null, null);
    assertEquals(desk, r.publicContact());
    assertEquals(
        desk,
        r.scientificContact(),
        "one central contact serves both; officials only stand in when there is none");
    assertNull(r.summaryResults(), "hasResults alone is no results section");
    assertEquals(
        List.of(
            "protocolSection.statusModule.whyStopped",
            "protocolSection.outcomesModule.otherOutcomes",
            "protocolSection.ipdSharingStatementModule.infoTypes",
            "protocolSection.ipdSharingStatementModule.url",
            "protocolSection.contactsLocationsModule.overallOfficials",
            "protocolSection.futureModule",
            "documentSection"),
        result.unmapped());
    assertTrue(
        result.warnings().contains("hasResults is true but the record has no resultsSection"),
        result.warnings().toString());
  }

  @Test
  void criteriaWithoutHeadingsStayOneText() {
    ImportResult result =
        CtGovImporter.importStudy(
            """
        {"protocolSection": {"eligibilityModule": {"eligibilityCriteria": "Adults with asthma.\\nNo smokers."}}}""");
    assertEquals("Adults with asthma.\nNo smokers.", result.record().eligibility().criteriaText());
    assertNull(result.record().eligibility().inclusionCriteria());
    EligibilityText split =
        EligibilityText.split(
            "Healthy volunteers.\n\nexclusion criteria\n- pregnant\n\nINCLUSION CRITERIA:\n- adult");
    assertEquals(new EligibilityText("- adult", "- pregnant", "Healthy volunteers."), split);
    assertEquals(split, EligibilityText.split(split.join()));
  }

  @Test
  void malformedJsonIsRejectedWithAClearMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CtGovImporter.importStudy("{\"protocolSection\": {\"identificationModule\": "));
    assertTrue(
        e.getMessage().startsWith("The ClinicalTrials.gov record is not valid JSON"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CtGovImporter.importStudy("[1, 2]"));
    assertEquals("A ClinicalTrials.gov study record is a JSON object, not ARRAY", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> CtGovImporter.importStudy("{\"studies\": []}"));
    assertEquals(
        "Not a ClinicalTrials.gov study record: it has no protocolSection object", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CtGovImporter.importStudy(" "));
    assertEquals("The ClinicalTrials.gov record is empty", e.getMessage());
  }

  @Test
  void countryNamesBecomeIsoCodes() {
    assertEquals("US", CountryCodes.code("United States"));
    assertEquals("KR", CountryCodes.code("Korea, Republic of"));
    assertEquals("TR", CountryCodes.code("Turkey (Türkiye)"));
    assertEquals("CI", CountryCodes.code("Cote d’Ivoire"));
    assertEquals("DE", CountryCodes.code("germany"));
    assertNull(CountryCodes.code("Atlantis"));
    for (String code : Locale.getISOCountries())
      assertEquals(code, CountryCodes.code(CountryCodes.name(code)), code);
  }
}
