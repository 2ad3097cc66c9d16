package org.trialledger.site.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.site.domain.SiteFixtures.FORM_V1_SHA;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Instant;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.interop.FhirResearchStudyExporter;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.ConsentRecord.Event;
import org.trialledger.site.domain.Enrolment;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.SiteFixtures;

class FhirSiteExporterTest {
  private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
  private final Pseudonym subject = Pseudonym.issue(SiteFixtures.seeded(31));
  private final ConsentRecord consented =
      SiteFixtures.consent(subject, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, AT);
  private final ConsentRecord withdrawn =
      SiteFixtures.consent(subject, "ICF-v1", FORM_V1_SHA, Event.WITHDRAWN, AT.plusSeconds(3600));
  private final Enrolment enrolment =
      new Enrolment(subject, SiteFixtures.TRIAL, SiteFixtures.SITE, AT.minusSeconds(60));
  private final IParser strict =
      FhirResearchStudyExporter.fhirContext()
          .newJsonParser()
          .setParserErrorHandler(new StrictErrorHandler());

  @Test
  void consentIsActiveForResearchWithThePseudonymAsDisplayOnlyPatient() {
    Consent c = FhirSiteExporter.toConsent(consented);
    assertEquals(ConsentState.ACTIVE, c.getStatus());
    assertEquals("research", c.getScope().getCodingFirstRep().getCode());
    assertEquals("59284-0", c.getCategoryFirstRep().getCodingFirstRep().getCode());
    Reference patient = c.getPatient();
    assertEquals(subject.value(), patient.getDisplay());
    assertNull(patient.getReference(), "no Patient resource is referenced");
    assertEquals(AT, c.getDateTime().toInstant());
    assertTrue(c.getPolicyRule().getText().contains(SiteFixtures.TRIAL));
    Reference form = c.getSourceReference();
    assertEquals("ICF-v1", form.getIdentifier().getValue());
    assertEquals(
        FORM_V1_SHA.hex(),
        form.getExtensionByUrl(FhirSiteExporter.DOCUMENT_SHA256).getValue().primitiveValue());
    assertEquals(Consent.ConsentProvisionType.PERMIT, c.getProvision().getType());
  }

  @Test
  void aWithdrawalIsAnInactiveConsent() {
    Consent c = FhirSiteExporter.toConsent(withdrawn);
    assertEquals(ConsentState.INACTIVE, c.getStatus());
    assertEquals(Consent.ConsentProvisionType.DENY, c.getProvision().getType());
  }

  @Test
  void researchSubjectNamesStudyByRegistryIdAndIndividualByPseudonym() {
    ResearchSubject s = FhirSiteExporter.toResearchSubject(enrolment, consented, false);
    assertEquals(ResearchSubjectStatus.ONSTUDY, s.getStatus());
    assertEquals(
        FhirResearchStudyExporter.REGISTRY_ID_SYSTEM, s.getStudy().getIdentifier().getSystem());
    assertEquals(SiteFixtures.TRIAL, s.getStudy().getIdentifier().getValue());
    assertEquals(FhirSiteExporter.PSEUDONYM_SYSTEM, s.getIndividual().getIdentifier().getSystem());
    assertEquals(subject.value(), s.getIndividual().getIdentifier().getValue());
    assertNull(s.getIndividual().getReference());
    assertEquals(
        ResearchSubjectStatus.WITHDRAWN,
        FhirSiteExporter.toResearchSubject(enrolment, withdrawn, false).getStatus());
    assertEquals(
        ResearchSubjectStatus.OFFSTUDY,
        FhirSiteExporter.toResearchSubject(enrolment, consented, true).getStatus());
    assertEquals(
        ResearchSubjectStatus.CANDIDATE,
        FhirSiteExporter.toResearchSubject(enrolment, null, false).getStatus());
  }

  @Test
  void jsonParsesBackStrictly() {
    String consentJson = FhirSiteExporter.toJson(FhirSiteExporter.toConsent(consented));
    Consent back = strict.parseResource(Consent.class, consentJson);
    assertEquals(subject.value(), back.getPatient().getDisplay());
    String subjectJson =
        FhirSiteExporter.toJson(FhirSiteExporter.toResearchSubject(enrolment, consented, false));
    ResearchSubject rs = strict.parseResource(ResearchSubject.class, subjectJson);
    assertEquals("on-study", rs.getStatus().toCode());
    assertFalse(subjectJson.contains("Patient/"));
  }
}
