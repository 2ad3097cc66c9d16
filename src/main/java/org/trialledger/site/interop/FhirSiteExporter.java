package org.trialledger.site.interop;

import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.hl7.fhir.r4.model.StringType;
import org.trialledger.registry.interop.FhirResearchStudyExporter;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.Enrolment;

/**
 * Consent events as FHIR R4 {@code Consent} and enrolments as {@code ResearchSubject}, naming
 * subjects by pseudonym only: the patient is a display-only reference (no Patient resource exists
 * outside the site), the individual an identifier in the pseudonym system. Uses the JVM's one R4
 * context.
 */
public final class FhirSiteExporter {
  public static final String PSEUDONYM_SYSTEM = "https://trialledger.org/subject-pseudonym";
  public static final String CONSENT_FORM_SYSTEM = "https://trialledger.org/consent-form-version";
  public static final String SITE_SYSTEM = "https://trialledger.org/site-id";
  public static final String POLICY_SYSTEM =
      "https://trialledger.org/fhir/CodeSystem/consent-policy";
  public static final String DOCUMENT_SHA256 =
      "https://trialledger.org/fhir/StructureDefinition/document-sha256";
  static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
  static final String LOINC = "http://loinc.org";

  private FhirSiteExporter() {}

  /**
   * CONSENTED is an active consent, WITHDRAWN an inactive one (R4 has no "withdrawn" state for
   * Consent).
   */
  public static Consent toConsent(ConsentRecord r) {
    Consent c = new Consent();
    c.setStatus(
        r.event() == ConsentRecord.Event.WITHDRAWN ? ConsentState.INACTIVE : ConsentState.ACTIVE);
    c.setScope(new CodeableConcept(new Coding(SCOPE_SYSTEM, "research", "Research")));
    c.addCategory(new CodeableConcept(new Coding(LOINC, "59284-0", "Patient Consent")));
    c.setPatient(new Reference().setDisplay(r.subject().value()));
    if (r.occurredAt() != null) c.setDateTime(Date.from(r.occurredAt()));
    c.addOrganization(
        new Reference()
            .setIdentifier(new Identifier().setSystem(SITE_SYSTEM).setValue(r.siteId())));
    c.setPolicyRule(
        new CodeableConcept(
                new Coding(
                    POLICY_SYSTEM,
                    "trial-informed-consent",
                    "Informed consent to take part in a registered trial"))
            .setText("Informed consent to take part in trial " + r.trialId() + " (ICH E6 4.8)"));
    Reference form =
        new Reference()
            .setIdentifier(
                new Identifier().setSystem(CONSENT_FORM_SYSTEM).setValue(r.consentFormVersionId()))
            .setDisplay("Consent form " + r.consentFormVersionId());
    if (r.consentFormSha256() != null)
      form.addExtension(DOCUMENT_SHA256, new StringType(r.consentFormSha256().hex()));
    c.setSource(form);
    c.getProvision()
        .setType(
            r.event() == ConsentRecord.Event.WITHDRAWN
                ? Consent.ConsentProvisionType.DENY
                : Consent.ConsentProvisionType.PERMIT);
    return c;
  }

  /**
   * @param latestConsent the subject's latest consent event, or null if none
   * @param completed whether the site reported the subject as having completed the trial
   */
  public static ResearchSubject toResearchSubject(
      Enrolment e, ConsentRecord latestConsent, boolean completed) {
    ResearchSubject s = new ResearchSubject();
    s.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(e.subject().value());
    s.setStatus(status(latestConsent, completed));
    s.setStudy(
        new Reference()
            .setIdentifier(
                new Identifier()
                    .setSystem(FhirResearchStudyExporter.REGISTRY_ID_SYSTEM)
                    .setValue(e.trialId()))
            .setDisplay(e.trialId()));
    s.setIndividual(
        new Reference()
            .setIdentifier(
                new Identifier().setSystem(PSEUDONYM_SYSTEM).setValue(e.subject().value()))
            .setDisplay(e.subject().value()));
    if (e.enrolledAt() != null) s.setPeriod(new Period().setStart(Date.from(e.enrolledAt())));
    return s;
  }

  static ResearchSubjectStatus status(ConsentRecord latestConsent, boolean completed) {
    if (latestConsent == null) return ResearchSubjectStatus.CANDIDATE;
    if (latestConsent.event() == ConsentRecord.Event.WITHDRAWN)
      return ResearchSubjectStatus.WITHDRAWN;
    return completed ? ResearchSubjectStatus.OFFSTUDY : ResearchSubjectStatus.ONSTUDY;
  }

  public static String toJson(IBaseResource resource) {
    return FhirResearchStudyExporter.fhirContext()
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(resource);
  }
}
