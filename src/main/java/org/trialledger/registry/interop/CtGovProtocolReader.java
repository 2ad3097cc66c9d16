package org.trialledger.registry.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Reads the modules of a CT.gov {@code protocolSection} into the fields of a registration record,
 * one module per method.
 */
final class CtGovProtocolReader {
  private static final Pattern AGE =
      Pattern.compile("(\\d{1,3}) (Year|Month|Week|Day|Hour|Minute)s?");

  private final JsonNode p;

  CtGovProtocolReader(JsonNode protocolSection) {
    this.p = protocolSection;
  }

  RegistrationRecord read(SummaryResults results) {
    JsonNode id = p.object("identificationModule");
    JsonNode status = p.object("statusModule");
    JsonNode sponsors = p.object("sponsorCollaboratorsModule");
    JsonNode description = p.object("descriptionModule");
    JsonNode contacts = p.object("contactsLocationsModule");
    String leadSponsor = sponsors.object("leadSponsor").text("name");
    List<String> collaborators =
        sponsors.objects("collaborators").stream()
            .map(c -> c.text("name"))
            .filter(Objects::nonNull)
            .toList();
    List<Contact> centralContacts = contactsOf(contacts);
    List<String> countries = new ArrayList<>();
    List<Location> locations = locations(contacts, countries);
    List<Arm> arms = arms();
    p.warn(
        "ClinicalTrials.gov records carry no ethics review (oversightModule holds only DMC and FDA flags): ethicsReview was left empty");
    return new RegistrationRecord(
        RegistrationRecord.SCHEMA,
        secondaryIds(id),
        fundingSources(leadSponsor, collaborators),
        leadSponsor,
        collaborators,
        centralContacts.get(0),
        centralContacts.get(1),
        id.text("briefTitle"),
        id.text("officialTitle"),
        id.text("acronym"),
        countries,
        p.object("conditionsModule").texts("conditions"),
        interventions(arms),
        eligibility(),
        design(),
        dated(status.object("startDateStruct")),
        enrolment(),
        status.enumValue("overallStatus", RecruitmentStatus.class),
        outcomes("primaryOutcomes"),
        outcomes("secondaryOutcomes"),
        null,
        dated(status.object("primaryCompletionDateStruct")),
        dated(status.object("completionDateStruct")),
        results,
        ipdSharing(),
        description.text("briefSummary"),
        description.text("detailedDescription"),
        arms,
        locations);
  }

  /**
   * The NCT number, the sponsor's own id (issued by the organization) and the other ids, in that
   * order.
   */
  private List<SecondaryId> secondaryIds(JsonNode id) {
    List<SecondaryId> ids = new ArrayList<>();
    String nct = id.text("nctId");
    if (nct != null) ids.add(new SecondaryId(CtGovCodes.NCT_ISSUER, nct));
    String orgStudyId = id.object("orgStudyIdInfo").text("id");
    if (orgStudyId != null)
      ids.add(new SecondaryId(id.object("organization").text("fullName"), orgStudyId));
    for (JsonNode s : id.objects("secondaryIdInfos")) {
      String value = s.text("id");
      if (value == null) continue;
      String issuer = s.text("domain");
      String type = s.peekText("type");
      if (issuer == null && CtGovCodes.ID_TYPE_ISSUERS.containsKey(type)) {
        issuer = CtGovCodes.ID_TYPE_ISSUERS.get(type);
        s.mapped("type");
      } else if ("OTHER".equals(type)) {
        s.mapped("type"); // says nothing beyond the domain
      }
      ids.add(new SecondaryId(issuer, value));
    }
    return ids;
  }

  /**
   * CT.gov names no funders; the sponsor and collaborators are the nearest thing, and the user is
   * told so.
   */
  private List<String> fundingSources(String leadSponsor, List<String> collaborators) {
    Set<String> sources = new LinkedHashSet<>();
    if (leadSponsor != null) sources.add(leadSponsor);
    sources.addAll(collaborators);
    if (!sources.isEmpty()) {
      p.warn(
          "ClinicalTrials.gov names no funding sources: fundingSources are the lead sponsor and collaborators; check them");
    }
    return List.copyOf(sources);
  }

  private StudyDesign design() {
    JsonNode d = p.object("designModule");
    JsonNode info = d.object("designInfo");
    StudyDesign design =
        new StudyDesign(
            d.enumValue("studyType", StudyType.class),
            info.code("allocation", CtGovCodes.ALLOCATIONS),
            info.code("interventionModel", CtGovCodes.INTERVENTION_MODELS),
            info.object("maskingInfo").code("masking", CtGovCodes.MASKINGS),
            info.code("primaryPurpose", CtGovCodes.PRIMARY_PURPOSES),
            d.codes("phases", CtGovCodes.PHASES));
    return design.equals(new StudyDesign(null, null, null, null, null, null)) ? null : design;
  }

  private Enrolment enrolment() {
    JsonNode e = p.object("designModule").object("enrollmentInfo");
    Integer count = e.integer("count");
    return count == null ? null : new Enrolment(count, e.code("type", CtGovCodes::dateType));
  }

  private List<Arm> arms() {
    List<Arm> arms = new ArrayList<>();
    for (JsonNode a : p.object("armsInterventionsModule").objects("armGroups")) {
      String label = a.text("label");
      if (label == null) {
        a.warn(a.path() + " has no label; the arm was left out");
        continue;
      }
      arms.add(
          new Arm(
              label,
              a.code("type", CtGovCodes.ARM_TYPES),
              a.text("description"),
              a.texts("interventionNames")));
    }
    return arms;
  }

  /** An intervention's arm labels need no field of their own: each arm lists its interventions. */
  private List<Intervention> interventions(List<Arm> arms) {
    Set<String> armLabels = new LinkedHashSet<>();
    arms.forEach(a -> armLabels.add(a.label()));
    List<Intervention> out = new ArrayList<>();
    for (JsonNode i : p.object("armsInterventionsModule").objects("interventions")) {
      String name = i.text("name");
      if (name == null) {
        i.warn(i.path() + " has no name; the intervention was left out");
        continue;
      }
      out.add(
          new Intervention(
              i.code("type", CtGovCodes.INTERVENTION_TYPES), name, i.text("description")));
      i.textsWhere("armGroupLabels", armLabels::contains);
    }
    return out;
  }

  private List<Outcome> outcomes(String key) {
    List<Outcome> out = new ArrayList<>();
    for (JsonNode o : p.object("outcomesModule").objects(key)) {
      String measure = o.text("measure");
      if (measure == null) {
        o.warn(o.path() + " has no measure; the outcome was left out");
        continue;
      }
      out.add(new Outcome(measure, o.text("timeFrame"), o.text("description")));
    }
    return out;
  }

  private Eligibility eligibility() {
    JsonNode e = p.object("eligibilityModule");
    EligibilityText criteria = EligibilityText.split(e.text("eligibilityCriteria"));
    Eligibility eligibility =
        new Eligibility(
            criteria.inclusion(),
            criteria.exclusion(),
            e.enumValue("sex", Sex.class),
            e.code("minimumAge", CtGovProtocolReader::age),
            e.code("maximumAge", CtGovProtocolReader::age),
            e.bool("healthyVolunteers"),
            criteria.other());
    return eligibility.equals(new Eligibility(null, null, null, null, null, null, null))
        ? null
        : eligibility;
  }

  /** "18 Years"; the registry writes every unit in the plural, so "1 Year" becomes "1 Years". */
  static String age(String text) {
    Matcher m = AGE.matcher(text.strip());
    return m.matches() ? m.group(1) + " " + m.group(2) + "s" : null;
  }

  /**
   * The public and the scientific contact: the first two central contacts (one serves as both), or
   * else the first overall official as the scientific contact. Always two entries, either may be
   * null.
   */
  private List<Contact> contactsOf(JsonNode contacts) {
    List<JsonNode> central = contacts.objects("centralContacts");
    if (!central.isEmpty()) {
      Contact pub = centralContact(central.get(0));
      return Arrays.asList(pub, central.size() > 1 ? centralContact(central.get(1)) : pub);
    }
    List<JsonNode> officials = contacts.objects("overallOfficials");
    return Arrays.asList(
        null,
        officials.isEmpty()
            ? null
            : nullIfEmpty(
                new Contact(
                    officials.get(0).text("name"),
                    officials.get(0).text("affiliation"),
                    null,
                    null,
                    null)));
  }

  private static Contact centralContact(JsonNode c) {
    Contact contact =
        nullIfEmpty(new Contact(c.text("name"), null, c.text("email"), c.text("phone"), null));
    if (contact != null && "CONTACT".equals(c.peekText("role")))
      c.mapped("role"); // says only that it is a contact
    return contact;
  }

  private static Contact nullIfEmpty(Contact c) {
    return c.equals(new Contact(null, null, null, null, null)) ? null : c;
  }

  /**
   * Sites, and the countries of recruitment as ISO codes. A location that names only a country adds
   * the country and no site (that is how the exporter writes a country without a site).
   */
  private List<Location> locations(JsonNode contacts, List<String> countries) {
    List<Location> out = new ArrayList<>();
    for (JsonNode l : contacts.objects("locations")) {
      String name = l.peekText("country");
      String code = name == null ? null : CountryCodes.code(name);
      if (code != null) {
        l.mapped("country");
        if (!countries.contains(code)) countries.add(code);
      } else if (name != null) {
        l.warn(
            l.at("country")
                + ": no ISO 3166 code is known for \""
                + name
                + "\"; it is not among the countries");
      }
      String facility = l.text("facility");
      String city = l.text("city");
      String status = l.code("status", CtGovCodes.SITE_STATUSES);
      if (facility != null || city != null || status != null)
        out.add(new Location(facility, city, code, status));
    }
    return out;
  }

  private IpdSharing ipdSharing() {
    JsonNode ipd = p.object("ipdSharingStatementModule");
    IpdPlan plan = ipd.enumValue("ipdSharing", IpdPlan.class);
    String description = ipd.text("description");
    return plan == null && description == null ? null : new IpdSharing(plan, description);
  }

  /**
   * A {date, type} struct; a date without a type (records before 2017) keeps the date and says so.
   */
  static DatedEvent dated(JsonNode struct) {
    PartialDate date = date(struct);
    if (date == null) return null;
    DateType type = struct.code("type", CtGovCodes::dateType);
    if (type == null && struct.peekText("type") == null) {
      struct.warn(
          struct.path()
              + " does not say whether the date is ACTUAL or ESTIMATED; the type was left empty");
    }
    return new DatedEvent(date, type);
  }

  static PartialDate date(JsonNode struct) {
    String text = struct.peekText("date");
    if (text == null) return null;
    try {
      PartialDate date = PartialDate.of(text);
      struct.mapped("date");
      return date;
    } catch (IllegalArgumentException e) {
      struct.warn(
          struct.at("date")
              + ": \""
              + text
              + "\" is not a date such as 2023-11 or 2023-11-05; it was left empty");
      return null;
    }
  }
}
