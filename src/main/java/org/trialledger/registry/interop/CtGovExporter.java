package org.trialledger.registry.interop;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.Contact;
import org.trialledger.registry.domain.RegistrationRecord.DatedEvent;
import org.trialledger.registry.domain.RegistrationRecord.Intervention;
import org.trialledger.registry.domain.RegistrationRecord.Location;
import org.trialledger.registry.domain.RegistrationRecord.Outcome;
import org.trialledger.registry.domain.RegistrationRecord.SecondaryId;
import org.trialledger.registry.domain.RegistryId;

/**
 * Writes a registration record in the shape of a ClinicalTrials.gov API v2 study ({@code
 * protocolSection} with CT.gov's module names), so that {@link CtGovImporter} reads back every
 * field both carry. It is a data exchange format, not a PRS submission: CT.gov's required
 * administrative fields are not invented. The registry id is written as a secondary id of issuer
 * {@value #REGISTRY_ISSUER}, the registration date as {@code studyFirstSubmitDate}.
 */
public final class CtGovExporter {
  public static final String REGISTRY_ISSUER = "TrialLedger";
  private static final JsonWriterFactory PRETTY =
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private CtGovExporter() {}

  public static String exportJson(
      RegistrationRecord r, RegistryId registryId, LocalDate registrationDate) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = PRETTY.createWriter(out)) {
      writer.writeObject(export(r, registryId, registrationDate));
    }
    return out.toString();
  }

  public static JsonObject export(
      RegistrationRecord record, RegistryId registryId, LocalDate registrationDate) {
    Objects.requireNonNull(record, "record");
    // versions recorded before coded items were choices may say "Phase 3": export the code
    RegistrationRecord r = CodedItems.normalise(record);
    SparseObject protocol =
        new SparseObject()
            .put("identificationModule", identification(r, registryId))
            .put("statusModule", status(r, registrationDate))
            .put(
                "sponsorCollaboratorsModule",
                new SparseObject()
                    .put("leadSponsor", new SparseObject().put("name", r.primarySponsor()))
                    .put(
                        "collaborators",
                        list(r.secondarySponsors(), s -> new SparseObject().put("name", s))))
            .put(
                "descriptionModule",
                new SparseObject()
                    .put("briefSummary", r.briefSummary())
                    .put("detailedDescription", r.detailedDescription()))
            .put("conditionsModule", new SparseObject().put("conditions", r.conditions()))
            .put("designModule", design(r))
            .put(
                "armsInterventionsModule",
                new SparseObject()
                    .put("armGroups", list(r.arms(), CtGovExporter::arm))
                    .put("interventions", list(r.interventions(), i -> intervention(i, r.arms()))))
            .put(
                "outcomesModule",
                new SparseObject()
                    .put("primaryOutcomes", list(r.primaryOutcomes(), CtGovExporter::outcome))
                    .put("secondaryOutcomes", list(r.secondaryOutcomes(), CtGovExporter::outcome)))
            .put("eligibilityModule", eligibility(r))
            .put("contactsLocationsModule", contactsLocations(r))
            .put(
                "ipdSharingStatementModule",
                r.ipdSharing() == null
                    ? null
                    : new SparseObject()
                        .put(
                            "ipdSharing",
                            r.ipdSharing().plan() == null ? null : r.ipdSharing().plan().name())
                        .put("description", r.ipdSharing().description()));
    return Json.createObjectBuilder().add("protocolSection", protocol.build()).build();
  }

  /**
   * NCT number as nctId; the id issued by the primary sponsor as orgStudyIdInfo; the rest, and
   * ours, as secondary ids.
   */
  private static SparseObject identification(RegistrationRecord r, RegistryId registryId) {
    SparseObject id = new SparseObject();
    List<SecondaryId> others = new ArrayList<>(r.secondaryIds());
    SecondaryId nct =
        others.stream()
            .filter(s -> CtGovCodes.NCT_ISSUER.equals(s.issuer()))
            .findFirst()
            .orElse(null);
    others.remove(nct);
    SecondaryId orgStudy =
        others.stream()
            .filter(s -> s.issuer() != null && s.issuer().equals(r.primarySponsor()))
            .findFirst()
            .orElse(null);
    others.remove(orgStudy);
    if (nct != null) id.put("nctId", nct.id());
    if (orgStudy != null) {
      id.put("orgStudyIdInfo", new SparseObject().put("id", orgStudy.id()));
      id.put("organization", new SparseObject().put("fullName", orgStudy.issuer()));
    }
    if (registryId != null
        && others.stream().noneMatch(s -> s.id().equals(registryId.toString()))) {
      others.add(new SecondaryId(REGISTRY_ISSUER, registryId.toString()));
    }
    id.put("secondaryIdInfos", list(others, CtGovExporter::secondaryId));
    return id.put("briefTitle", r.publicTitle())
        .put("officialTitle", r.scientificTitle())
        .put("acronym", r.acronym());
  }

  private static SparseObject secondaryId(SecondaryId s) {
    SparseObject out = new SparseObject().put("id", s.id());
    String type =
        CtGovCodes.ID_TYPE_ISSUERS.entrySet().stream()
            .filter(e -> e.getValue().equals(s.issuer()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (type != null) return out.put("type", type);
    return out.put("type", REGISTRY_ISSUER.equals(s.issuer()) ? "REGISTRY" : "OTHER")
        .put("domain", s.issuer());
  }

  private static SparseObject status(RegistrationRecord r, LocalDate registrationDate) {
    return new SparseObject()
        .put("overallStatus", r.recruitmentStatus() == null ? null : r.recruitmentStatus().name())
        .put("startDateStruct", dated(r.firstEnrolment()))
        .put("primaryCompletionDateStruct", dated(r.primaryCompletion()))
        .put("completionDateStruct", dated(r.completion()))
        .put("studyFirstSubmitDate", registrationDate == null ? null : registrationDate.toString());
  }

  private static SparseObject dated(DatedEvent e) {
    if (e == null || e.date() == null) return null;
    return new SparseObject()
        .put("date", e.date().value())
        .put("type", e.type() == null ? null : CtGovCodes.dateTypeCode(e.type()));
  }

  private static SparseObject design(RegistrationRecord r) {
    SparseObject d = new SparseObject();
    if (r.design() != null) {
      d.put("studyType", r.design().studyType() == null ? null : r.design().studyType().name())
          .put("phases", r.design().phases())
          .put(
              "designInfo",
              new SparseObject()
                  .put("allocation", r.design().allocation())
                  .put("interventionModel", r.design().interventionModel())
                  .put("primaryPurpose", r.design().primaryPurpose())
                  .put("maskingInfo", new SparseObject().put("masking", r.design().masking())));
    }
    if (r.enrolment() != null && r.enrolment().count() != null) {
      d.put(
          "enrollmentInfo",
          new SparseObject()
              .put("count", r.enrolment().count())
              .put(
                  "type",
                  r.enrolment().type() == null
                      ? null
                      : CtGovCodes.dateTypeCode(r.enrolment().type())));
    }
    return d;
  }

  private static SparseObject arm(Arm a) {
    return new SparseObject()
        .put("label", a.label())
        .put("type", a.type())
        .put("description", a.description())
        .put("interventionNames", a.interventionNames());
  }

  /** CT.gov links both ways; the arms name their interventions as "Drug: X" or just "X". */
  private static SparseObject intervention(Intervention i, List<Arm> arms) {
    List<String> labels =
        arms.stream()
            .filter(
                a ->
                    a.interventionNames().stream()
                        .anyMatch(n -> n.equals(i.name()) || n.endsWith(": " + i.name())))
            .map(Arm::label)
            .toList();
    return new SparseObject()
        .put("type", i.type())
        .put("name", i.name())
        .put("description", i.description())
        .put("armGroupLabels", labels);
  }

  private static SparseObject outcome(Outcome o) {
    return new SparseObject()
        .put("measure", o.measure())
        .put("description", o.description())
        .put("timeFrame", o.timeFrame());
  }

  private static SparseObject eligibility(RegistrationRecord r) {
    var e = r.eligibility();
    if (e == null) return null;
    return new SparseObject()
        .put(
            "eligibilityCriteria",
            new EligibilityText(e.inclusionCriteria(), e.exclusionCriteria(), e.criteriaText())
                .join())
        .put("healthyVolunteers", e.healthyVolunteers())
        .put("sex", e.sex() == null ? null : e.sex().name())
        .put("minimumAge", e.minimumAge())
        .put("maximumAge", e.maximumAge());
  }

  /**
   * The public contact (and a different scientific one) as central contacts; a scientific contact
   * alone as overall official, which is where CT.gov names the responsible scientist. Countries
   * without a site become locations that name only the country.
   */
  private static SparseObject contactsLocations(RegistrationRecord r) {
    SparseObject out = new SparseObject();
    if (r.publicContact() != null) {
      List<Contact> central = new ArrayList<>(List.of(r.publicContact()));
      if (r.scientificContact() != null && !r.scientificContact().equals(r.publicContact()))
        central.add(r.scientificContact());
      out.put(
          "centralContacts",
          list(
              central,
              c ->
                  new SparseObject()
                      .put("name", c.name())
                      .put("role", "CONTACT")
                      .put("phone", c.phone())
                      .put("email", c.email())));
    } else if (r.scientificContact() != null) {
      Contact c = r.scientificContact();
      out.put(
          "overallOfficials",
          list(
              List.of(c),
              o -> new SparseObject().put("name", o.name()).put("affiliation", o.affiliation())));
    }
    List<SparseObject> locations = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    for (Location l : r.locations()) {
      locations.add(
          new SparseObject()
              .put("facility", l.facility())
              .put("status", l.status())
              .put("city", l.city())
              .put("country", l.country() == null ? null : CountryCodes.name(l.country())));
      covered.add(l.country());
    }
    for (String country : r.countries()) {
      if (!covered.contains(country))
        locations.add(new SparseObject().put("country", CountryCodes.name(country)));
    }
    return out.put("locations", locations);
  }

  private static <T> List<SparseObject> list(List<T> items, Function<T, SparseObject> each) {
    return items.stream().map(each).toList();
  }

  /** An object builder that leaves out nulls and empty lists and objects, as CT.gov does. */
  private static final class SparseObject {
    private final JsonObjectBuilder b = Json.createObjectBuilder();
    private boolean empty = true;

    SparseObject put(String key, Object value) {
      if (value instanceof String s) b.add(key, s);
      else if (value instanceof Integer i) b.add(key, i);
      else if (value instanceof Boolean x) b.add(key, x);
      else if (value instanceof SparseObject o && !o.empty) b.add(key, o.b);
      else if (value instanceof List<?> list && !list.isEmpty()) b.add(key, array(list));
      else return this;
      empty = false;
      return this;
    }

    private static JsonArrayBuilder array(List<?> list) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      for (Object o : list) {
        if (o instanceof String s) a.add(s);
        else if (o instanceof SparseObject j) a.add(j.b);
      }
      return a;
    }

    JsonObject build() {
      return b.build();
    }
  }
}
