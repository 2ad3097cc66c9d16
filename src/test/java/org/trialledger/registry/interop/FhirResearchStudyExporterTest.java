package org.trialledger.registry.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.List;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.RecruitmentStatus;

class FhirResearchStudyExporterTest {
  /**
   * Strict: an element HAPI does not know, or a bad code or date, fails the parse instead of being
   * dropped.
   */
  private static ResearchStudy parseBack(String json) {
    IParser parser =
        FhirResearchStudyExporter.fhirContext()
            .newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());
    return parser.parseResource(ResearchStudy.class, json);
  }

  @Test
  void aFullRecordBecomesAResearchStudyThatParsesBack() {
    String json =
        FhirResearchStudyExporter.toJson(
            CtGovExporterTest.sample(), CtGovExporterTest.ID, RegistrationState.PUBLISHED);
    assertTrue(json.contains("\n  \"resourceType\": \"ResearchStudy\""), "pretty printed");
    ResearchStudy s = parseBack(json);
    assertEquals(CtGovExporterTest.ID.toString(), s.getIdElement().getIdPart());
    List<Identifier> ids = s.getIdentifier();
    assertEquals(5, ids.size());
    assertEquals(FhirResearchStudyExporter.REGISTRY_ID_SYSTEM, ids.get(0).getSystem());
    assertEquals(CtGovExporterTest.ID.toString(), ids.get(0).getValue());
    assertEquals(Identifier.IdentifierUse.OFFICIAL, ids.get(0).getUse());
    assertEquals("https://clinicaltrials.gov", ids.get(1).getSystem());
    assertEquals("NCT09999999", ids.get(1).getValue());
    assertEquals("EudraCT", ids.get(3).getAssigner().getDisplay());
    assertEquals("2025-000123-45", ids.get(3).getValue());
    assertEquals("A study of drug X in adults with asthma", s.getTitle());
    assertEquals(
        "A randomised, double-blind trial of X versus placebo in moderate asthma",
        s.getExtensionByUrl(FhirResearchStudyExporter.SCIENTIFIC_TITLE)
            .getValue()
            .primitiveValue());
    assertEquals(
        "HX-1", s.getExtensionByUrl(FhirResearchStudyExporter.ACRONYM).getValue().primitiveValue());
    assertEquals(ResearchStudyStatus.APPROVED, s.getStatus(), "published, not yet recruiting");
    assertEquals("phase-2-phase-3", s.getPhase().getCodingFirstRep().getCode());
    assertEquals(
        "http://terminology.hl7.org/CodeSystem/research-study-phase",
        s.getPhase().getCodingFirstRep().getSystem());
    assertEquals("treatment", s.getPrimaryPurposeType().getCodingFirstRep().getCode());
    assertEquals("INTERVENTIONAL", s.getCategoryFirstRep().getText());
    assertEquals(
        List.of("Asthma", "Bronchial hyperreactivity"),
        s.getCondition().stream().map(c -> c.getText()).toList());
    assertEquals(
        List.of("DRUG: X", "DRUG: Placebo"), s.getFocus().stream().map(c -> c.getText()).toList());
    assertEquals(
        List.of("DE", "KR", "GB"),
        s.getLocation().stream().map(c -> c.getCodingFirstRep().getCode()).toList());
    assertEquals("urn:iso:std:iso:3166", s.getLocationFirstRep().getCodingFirstRep().getSystem());
    assertEquals("Summary\n\nDetails", s.getDescription());
    assertEquals("2026-03", s.getPeriod().getStartElement().getValueAsString());
    assertEquals(TemporalPrecisionEnum.MONTH, s.getPeriod().getStartElement().getPrecision());
    assertEquals("2027-12", s.getPeriod().getEndElement().getValueAsString());
    Group enrolment =
        (Group) s.getContained().stream().filter(r -> r instanceof Group).findFirst().orElseThrow();
    assertEquals(240, enrolment.getQuantity());
    assertFalse(enrolment.getActual());
    assertEquals("#enrolment", s.getEnrollmentFirstRep().getReference());
    Organization sponsor =
        (Organization)
            s.getContained().stream()
                .filter(r -> r instanceof Organization)
                .findFirst()
                .orElseThrow();
    assertEquals("Helix Therapeutics", sponsor.getName());
    assertEquals("#sponsor", s.getSponsor().getReference());
    assertEquals(List.of("X", "Placebo"), s.getArm().stream().map(a -> a.getName()).toList());
    assertEquals("PLACEBO_COMPARATOR", s.getArm().get(1).getType().getText());
    assertEquals("Drug X", s.getArm().get(0).getDescription());
    assertEquals(2, s.getObjective().size());
    var primary = s.getObjective().get(0);
    assertEquals("FEV1 change", primary.getName());
    assertEquals("primary", primary.getType().getCodingFirstRep().getCode());
    assertEquals(
        "12 weeks",
        primary
            .getExtensionByUrl(FhirResearchStudyExporter.TIME_FRAME)
            .getValue()
            .primitiveValue());
    assertEquals(
        "Litres",
        primary
            .getExtensionByUrl(FhirResearchStudyExporter.OUTCOME_DESCRIPTION)
            .getValue()
            .primitiveValue());
    assertEquals("secondary", s.getObjective().get(1).getType().getCodingFirstRep().getCode());
    assertEquals(
        List.of("Trial Desk", "Dr A. Researcher"),
        s.getContact().stream().map(c -> c.getName()).toList());
    var desk = s.getContactFirstRep().getTelecom();
    assertEquals("email", desk.get(0).getSystem().toCode());
    assertEquals("trials@helix.example", desk.get(0).getValue());
    assertEquals("phone", desk.get(1).getSystem().toCode());
    assertEquals("+49 30 1234", desk.get(1).getValue());
    // The parsed resource encodes to the same JSON: nothing was dropped or reinterpreted.
    assertEquals(
        json,
        FhirResearchStudyExporter.fhirContext()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(s));
  }

  @Test
  void importedCtGovRecordsExportToo() {
    for (String nct : List.of("NCT06171568", "NCT00763412")) {
      RegistrationRecord r = CtGovImporterTest.importVector(nct).record();
      ResearchStudy s =
          parseBack(
              FhirResearchStudyExporter.toJson(
                  r, CtGovExporterTest.ID, RegistrationState.PUBLISHED));
      assertEquals(r.publicTitle(), s.getTitle());
      assertEquals(nct, s.getIdentifier().get(1).getValue());
      assertEquals(
          r.primaryOutcomes().size() + r.secondaryOutcomes().size(), s.getObjective().size());
    }
    ResearchStudy completed =
        parseBack(
            FhirResearchStudyExporter.toJson(
                CtGovImporterTest.importVector("NCT00763412").record(),
                CtGovExporterTest.ID,
                RegistrationState.PUBLISHED));
    assertEquals(ResearchStudyStatus.COMPLETED, completed.getStatus());
    assertEquals("n-a", completed.getPhase().getCodingFirstRep().getCode());
    assertTrue(completed.getPrimaryPurposeType().getCoding().isEmpty(), "OTHER has no R4 code");
    assertEquals("OTHER", completed.getPrimaryPurposeType().getText());
    assertEquals("Neil H White, M.D.", completed.getContactFirstRep().getName());
  }

  @Test
  void statusFollowsTheWorkflowThenTheRecruitmentStatus() {
    assertEquals(
        ResearchStudyStatus.INREVIEW,
        FhirResearchStudyExporter.status(RegistrationState.DRAFT, RecruitmentStatus.RECRUITING));
    assertEquals(
        ResearchStudyStatus.INREVIEW,
        FhirResearchStudyExporter.status(RegistrationState.SUBMITTED, null));
    assertEquals(
        ResearchStudyStatus.DISAPPROVED,
        FhirResearchStudyExporter.status(RegistrationState.REJECTED, null));
    assertEquals(
        ResearchStudyStatus.WITHDRAWN,
        FhirResearchStudyExporter.status(
            RegistrationState.WITHDRAWN, RecruitmentStatus.RECRUITING));
    assertEquals(
        ResearchStudyStatus.ACTIVE,
        FhirResearchStudyExporter.status(
            RegistrationState.PUBLISHED, RecruitmentStatus.RECRUITING));
    assertEquals(
        ResearchStudyStatus.CLOSEDTOACCRUAL,
        FhirResearchStudyExporter.status(
            RegistrationState.PUBLISHED, RecruitmentStatus.ACTIVE_NOT_RECRUITING));
    assertEquals(
        ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL,
        FhirResearchStudyExporter.status(RegistrationState.PUBLISHED, RecruitmentStatus.SUSPENDED));
    assertEquals(
        ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED,
        FhirResearchStudyExporter.status(
            RegistrationState.PUBLISHED, RecruitmentStatus.TERMINATED));
    assertEquals(
        ResearchStudyStatus.WITHDRAWN,
        FhirResearchStudyExporter.status(RegistrationState.PUBLISHED, RecruitmentStatus.WITHDRAWN));
  }

  @Test
  void anEmptyDraftIsAMinimalValidResearchStudy() {
    String json =
        FhirResearchStudyExporter.toJson(
            RegistrationRecord.empty(), CtGovExporterTest.ID, RegistrationState.DRAFT);
    ResearchStudy s = parseBack(json);
    assertEquals(ResearchStudyStatus.INREVIEW, s.getStatus());
    assertEquals(1, s.getIdentifier().size());
    assertTrue(s.getContained().isEmpty());
  }

  @Test
  void theStrictParserDoesRejectWhatIsNotR4() {
    String json =
        FhirResearchStudyExporter.toJson(
            RegistrationRecord.empty(), CtGovExporterTest.ID, RegistrationState.DRAFT);
    String bad =
        json.replace(
            "\"status\": \"in-review\"",
            "\"status\": \"in-review\", \"label\": [{\"value\": \"R5 only\"}]");
    assertTrue(
        Assertions.assertThrows(DataFormatException.class, () -> parseBack(bad))
            .getMessage()
            .contains("label"));
  }
}
