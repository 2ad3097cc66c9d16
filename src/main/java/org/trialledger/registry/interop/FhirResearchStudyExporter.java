package org.trialledger.registry.interop;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.StringType;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Contact;
import org.trialledger.registry.domain.RegistrationRecord.DateType;
import org.trialledger.registry.domain.RegistrationRecord.Outcome;
import org.trialledger.registry.domain.RegistrationRecord.RecruitmentStatus;
import org.trialledger.registry.domain.RegistryId;

/**
 * A registration record as a FHIR R4 {@code ResearchStudy}. R4 has no home for outcome time frames,
 * eligibility, IPD sharing, ethics review, secondary sponsors, funders or whether dates are
 * anticipated; those are left out (time frame, outcome description, scientific title and acronym go
 * into TrialLedger extensions). Interventions go into {@code focus}, which R4 defines for them; the
 * enrolment target into a contained descriptive {@code Group}.
 */
public final class FhirResearchStudyExporter {
  public static final String REGISTRY_ID_SYSTEM = "https://trialledger.org/registry-id";
  static final String NCT_SYSTEM = "https://clinicaltrials.gov";
  static final String ISO_3166 = "urn:iso:std:iso:3166";
  static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";
  static final String PURPOSE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
  static final String OBJECTIVE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/research-study-objective-type";
  static final String EXTENSIONS = "https://trialledger.org/fhir/StructureDefinition/";
  static final String TIME_FRAME = EXTENSIONS + "outcome-time-frame";
  static final String OUTCOME_DESCRIPTION = EXTENSIONS + "outcome-description";
  static final String SCIENTIFIC_TITLE = EXTENSIONS + "scientific-title";
  static final String ACRONYM = EXTENSIONS + "acronym";

  private static final Map<String, String> PURPOSES =
      Map.of(
          "TREATMENT",
          "treatment",
          "PREVENTION",
          "prevention",
          "DIAGNOSTIC",
          "diagnostic",
          "SUPPORTIVE_CARE",
          "supportive-care",
          "SCREENING",
          "screening",
          "HEALTH_SERVICES_RESEARCH",
          "health-services-research",
          "BASIC_SCIENCE",
          "basic-science",
          "DEVICE_FEASIBILITY",
          "device-feasibility");
  private static final Map<List<String>, String> PHASES =
      Map.of(
          List.of("NA"),
          "n-a",
          List.of("EARLY_PHASE1"),
          "early-phase-1",
          List.of("PHASE1"),
          "phase-1",
          List.of("PHASE1", "PHASE2"),
          "phase-1-phase-2",
          List.of("PHASE2"),
          "phase-2",
          List.of("PHASE2", "PHASE3"),
          "phase-2-phase-3",
          List.of("PHASE3"),
          "phase-3",
          List.of("PHASE4"),
          "phase-4");

  private FhirResearchStudyExporter() {}

  /** Building a FHIR context scans the whole R4 model (about a second): one per JVM. */
  private static final class Holder {
    static final FhirContext R4 = FhirContext.forR4();
  }

  /**
   * The one R4 context of this JVM, shared by every FHIR exporter (the site context uses it too).
   */
  public static FhirContext fhirContext() {
    return Holder.R4;
  }

  public static String toJson(
      RegistrationRecord r, RegistryId registryId, RegistrationState state) {
    return Holder.R4
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(toResearchStudy(r, registryId, state));
  }

  public static ResearchStudy toResearchStudy(
      RegistrationRecord record, RegistryId registryId, RegistrationState state) {
    Objects.requireNonNull(registryId, "registryId");
    // versions recorded before coded items were choices may say "Phase 3": export the code
    RegistrationRecord r = record == null ? null : CodedItems.normalise(record);
    ResearchStudy s = new ResearchStudy();
    s.setId(registryId.toString());
    s.addIdentifier()
        .setUse(IdentifierUse.OFFICIAL)
        .setSystem(REGISTRY_ID_SYSTEM)
        .setValue(registryId.toString());
    for (var id : r.secondaryIds()) s.addIdentifier(secondaryId(id));
    s.setTitle(r.publicTitle() != null ? r.publicTitle() : r.scientificTitle());
    if (r.scientificTitle() != null)
      s.addExtension(SCIENTIFIC_TITLE, new StringType(r.scientificTitle()));
    if (r.acronym() != null) s.addExtension(ACRONYM, new StringType(r.acronym()));
    s.setStatus(status(state, r.recruitmentStatus()));
    design(s, r);
    r.conditions().forEach(c -> s.addCondition().setText(c));
    r.interventions()
        .forEach(
            i -> s.addFocus().setText(i.type() == null ? i.name() : i.type() + ": " + i.name()));
    r.countries()
        .forEach(c -> s.addLocation().addCoding(new Coding(ISO_3166, c, CountryCodes.name(c))));
    s.setDescription(description(r));
    enrolment(s, r);
    period(s, r);
    if (r.primarySponsor() != null) {
      s.addContained(new Organization().setName(r.primarySponsor()).setId("sponsor"));
      s.setSponsor(new Reference("#sponsor").setDisplay(r.primarySponsor()));
    }
    for (var a : r.arms()) {
      var arm = s.addArm().setName(a.label()).setDescription(a.description());
      if (a.type() != null) arm.setType(new CodeableConcept().setText(a.type()));
    }
    r.primaryOutcomes().forEach(o -> objective(s, o, "primary"));
    r.secondaryOutcomes().forEach(o -> objective(s, o, "secondary"));
    contact(s, r.publicContact());
    if (r.scientificContact() != null && !r.scientificContact().equals(r.publicContact()))
      contact(s, r.scientificContact());
    return s;
  }

  private static Identifier secondaryId(RegistrationRecord.SecondaryId id) {
    Identifier out = new Identifier().setUse(IdentifierUse.SECONDARY).setValue(id.id());
    if (CtGovCodes.NCT_ISSUER.equals(id.issuer())) out.setSystem(NCT_SYSTEM);
    if (id.issuer() != null) out.setAssigner(new Reference().setDisplay(id.issuer()));
    return out;
  }

  /**
   * Before publication the study is under review (or was turned down, or withdrawn); once
   * published, its recruitment status says where it stands. UNKNOWN on CT.gov means a study last
   * known to be active.
   */
  static ResearchStudyStatus status(RegistrationState state, RecruitmentStatus recruitment) {
    return switch (state) {
      case DRAFT, SUBMITTED -> ResearchStudyStatus.INREVIEW;
      case REJECTED -> ResearchStudyStatus.DISAPPROVED;
      case WITHDRAWN -> ResearchStudyStatus.WITHDRAWN;
      case PUBLISHED ->
          recruitment == null
              ? ResearchStudyStatus.APPROVED
              : switch (recruitment) {
                case NOT_YET_RECRUITING -> ResearchStudyStatus.APPROVED;
                case RECRUITING, ENROLLING_BY_INVITATION, UNKNOWN -> ResearchStudyStatus.ACTIVE;
                case ACTIVE_NOT_RECRUITING -> ResearchStudyStatus.CLOSEDTOACCRUAL;
                case SUSPENDED -> ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL;
                case TERMINATED -> ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED;
                case COMPLETED -> ResearchStudyStatus.COMPLETED;
                case WITHDRAWN -> ResearchStudyStatus.WITHDRAWN;
              };
    };
  }

  /** Phase and purpose as R4 codes where R4 has one, else as text; the study type as a category. */
  private static void design(ResearchStudy s, RegistrationRecord r) {
    if (r.design() == null) return;
    var d = r.design();
    if (!d.phases().isEmpty()) {
      String code = PHASES.get(d.phases());
      CodeableConcept phase = new CodeableConcept().setText(String.join(", ", d.phases()));
      s.setPhase(code == null ? phase : phase.addCoding(new Coding(PHASE_SYSTEM, code, null)));
    }
    if (d.primaryPurpose() != null) {
      String code = PURPOSES.get(d.primaryPurpose());
      CodeableConcept purpose = new CodeableConcept().setText(d.primaryPurpose());
      s.setPrimaryPurposeType(
          code == null ? purpose : purpose.addCoding(new Coding(PURPOSE_SYSTEM, code, null)));
    }
    if (d.studyType() != null) s.addCategory().setText(d.studyType().name());
  }

  private static String description(RegistrationRecord r) {
    if (r.briefSummary() == null) return r.detailedDescription();
    return r.detailedDescription() == null
        ? r.briefSummary()
        : r.briefSummary() + "\n\n" + r.detailedDescription();
  }

  /**
   * R4 enrolment is a Group reference; a descriptive (not enumerated) contained Group carries the
   * target size.
   */
  private static void enrolment(ResearchStudy s, RegistrationRecord r) {
    if (r.enrolment() == null || r.enrolment().count() == null) return;
    String name =
        r.enrolment().type() == DateType.ACTUAL ? "Actual enrolment" : "Anticipated enrolment";
    Group group =
        new Group()
            .setType(Group.GroupType.PERSON)
            .setActual(false)
            .setQuantity(r.enrolment().count())
            .setName(name);
    s.addContained(group.setId("enrolment"));
    s.addEnrollment(new Reference("#enrolment").setDisplay(name));
  }

  private static void period(ResearchStudy s, RegistrationRecord r) {
    Period period = new Period();
    if (r.firstEnrolment() != null && r.firstEnrolment().date() != null)
      period.setStartElement(new DateTimeType(r.firstEnrolment().date().value()));
    if (r.completion() != null && r.completion().date() != null)
      period.setEndElement(new DateTimeType(r.completion().date().value()));
    if (!period.isEmpty()) s.setPeriod(period);
  }

  private static void objective(ResearchStudy s, Outcome o, String type) {
    var objective =
        s.addObjective()
            .setName(o.measure())
            .setType(new CodeableConcept().addCoding(new Coding(OBJECTIVE_SYSTEM, type, null)));
    if (o.timeFrame() != null) objective.addExtension(TIME_FRAME, new StringType(o.timeFrame()));
    if (o.description() != null)
      objective.addExtension(OUTCOME_DESCRIPTION, new StringType(o.description()));
  }

  private static void contact(ResearchStudy s, Contact c) {
    if (c == null) return;
    ContactDetail detail = s.addContact().setName(c.name());
    if (c.email() != null)
      detail.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(c.email());
    if (c.phone() != null)
      detail.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(c.phone());
  }
}
