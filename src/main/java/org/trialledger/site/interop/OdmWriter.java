package org.trialledger.site.interop;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.trialledger.site.domain.AdverseEventRecord;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.Enrolment;
import org.trialledger.site.domain.Manifestation;
import org.trialledger.site.domain.OutcomeMeasure;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.domain.SignatureMeaning;

/**
 * A trial's site data as a CDISC ODM 1.3.2 Snapshot: study metadata, AdminData (users, locations,
 * signature definitions) and ClinicalData with subjects keyed by pseudonym only. A snapshot holds
 * the current state: consent events all (each is a fact), results and adverse events in their
 * latest version, each with an AuditRecord naming who, where, when and (for corrections) why;
 * consents carry the obtainer's Signature.
 *
 * <p>Every string from a record goes through the XML writer's escaping; characters XML 1.0 cannot
 * carry are replaced by U+FFFD so hostile input cannot break the document. OIDs are generated,
 * never taken from free text.
 */
public final class OdmWriter {
  public static final String NAMESPACE = "http://www.cdisc.org/ns/odm/v1.3";
  static final String MDV = "MDV.1";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  /**
   * What to export. {@code siteNames} may lack sites (their id is the name then); lists hold all
   * versions.
   */
  public record Export(
      String trialId,
      String studyName,
      String fileOid,
      Instant createdAt,
      Map<String, String> siteNames,
      List<Enrolment> subjects,
      List<ConsentRecord> consents,
      List<ResultRecord> results,
      List<AdverseEventRecord> adverseEvents,
      List<OutcomeMeasure> measures) {}

  private final Export export;
  private final XMLStreamWriter xml;
  private final Map<String, String> userOids = new TreeMap<>();
  private final Map<String, String> userNames = new HashMap<>();
  private final Map<String, String> locationOids = new TreeMap<>();
  private final Map<String, String> visitOids = new LinkedHashMap<>();
  private final Map<String, String> unitOids = new TreeMap<>();
  private final List<ResultRecord> results;
  private final List<AdverseEventRecord> adverseEvents;

  private OdmWriter(Export export, XMLStreamWriter xml) {
    this.export = export;
    this.xml = xml;
    this.results = latest(export.results(), r -> r.key(), ResultRecord::version);
    this.adverseEvents =
        latest(
            export.adverseEvents(),
            e -> List.of(e.subject(), e.eventId()),
            AdverseEventRecord::version);
    collectReferences();
  }

  public static String toXml(Export export) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(export, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  public static void write(Export export, OutputStream out) {
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      new OdmWriter(export, xml).document();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the ODM document", e);
    }
  }

  private static <T, K> List<T> latest(
      List<T> all, Function<T, K> key, Function<T, Integer> version) {
    Map<K, T> latest = new LinkedHashMap<>();
    for (T t : all)
      latest.merge(key.apply(t), t, (a, b) -> version.apply(a) >= version.apply(b) ? a : b);
    return new ArrayList<>(latest.values());
  }

  private void collectReferences() {
    for (Enrolment e : export.subjects()) location(e.siteId());
    for (ConsentRecord c : export.consents()) {
      user(c.obtainedBy(), null);
      location(c.siteId());
      if (c.signature() != null) user(c.signature().signer(), c.signature().printedName());
    }
    results.stream()
        .sorted(
            Comparator.comparing(
                ResultRecord::observedOn, Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(
            r -> {
              visitOids.computeIfAbsent(r.visit(), v -> "SE.V" + (visitOids.size() + 1));
              if (r.unit() != null)
                unitOids.computeIfAbsent(r.unit(), u -> "MU." + (unitOids.size() + 1));
              user(r.enteredBy(), null);
              location(r.siteId());
            });
    for (AdverseEventRecord e : adverseEvents) {
      user(e.enteredBy(), null);
      location(e.siteId());
    }
  }

  private void user(String username, String printedName) {
    if (username == null) return;
    userOids.computeIfAbsent(username, u -> "USR." + (userOids.size() + 1));
    if (printedName != null) userNames.put(username, printedName);
  }

  private void location(String siteId) {
    if (siteId != null)
      locationOids.computeIfAbsent(siteId, s -> "LOC." + (locationOids.size() + 1));
  }

  private void document() throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.setDefaultNamespace(NAMESPACE);
    xml.writeStartElement(NAMESPACE, "ODM");
    xml.writeDefaultNamespace(NAMESPACE);
    attribute("FileType", "Snapshot");
    attribute("FileOID", export.fileOid());
    attribute("CreationDateTime", UTC.format(export.createdAt()));
    attribute("ODMVersion", "1.3.2");
    attribute("Granularity", "All");
    attribute("Originator", "TrialLedger");
    study();
    adminData();
    clinicalData();
    xml.writeEndElement();
    xml.writeEndDocument();
  }

  private void study() throws XMLStreamException {
    start("Study", "OID", export.trialId());
    start("GlobalVariables");
    textElement("StudyName", export.studyName());
    textElement("StudyDescription", export.studyName());
    textElement("ProtocolName", export.trialId());
    end();
    if (!unitOids.isEmpty()) {
      start("BasicDefinitions");
      for (var unit : unitOids.entrySet()) {
        start("MeasurementUnit", "OID", unit.getValue(), "Name", unit.getKey());
        start("Symbol");
        textElement("TranslatedText", unit.getKey());
        end();
        end();
      }
      end();
    }
    start("MetaDataVersion", "OID", MDV, "Name", "TrialLedger site data");
    start("Protocol");
    int order = 1;
    empty(
        "StudyEventRef",
        "StudyEventOID",
        "SE.CONSENT",
        "OrderNumber",
        String.valueOf(order++),
        "Mandatory",
        "Yes");
    for (String oid : visitOids.values())
      empty(
          "StudyEventRef",
          "StudyEventOID",
          oid,
          "OrderNumber",
          String.valueOf(order++),
          "Mandatory",
          "No");
    empty(
        "StudyEventRef",
        "StudyEventOID",
        "SE.AE",
        "OrderNumber",
        String.valueOf(order),
        "Mandatory",
        "No");
    end();
    studyEventDef("SE.CONSENT", "Informed consent", "Common", "F.CONSENT");
    for (var visit : visitOids.entrySet())
      studyEventDef(visit.getValue(), visit.getKey(), "Scheduled", "F.RESULTS");
    studyEventDef("SE.AE", "Adverse events", "Common", "F.AE");
    formDef("F.CONSENT", "Informed consent", "Yes", "IG.CONSENT");
    formDef("F.RESULTS", "Outcome measures", "No", "IG.RESULTS");
    formDef("F.AE", "Adverse events", "No", "IG.AE");
    itemGroupDef(
        "IG.CONSENT",
        "Consent event",
        "No",
        List.of(
            "IT.CONSENT.EVENT",
            "IT.CONSENT.FORM",
            "IT.CONSENT.FORM_SHA256",
            "IT.CONSENT.DATETIME"));
    itemGroupDef("IG.RESULTS", "Outcome measures", "No", measureOids());
    itemGroupDef(
        "IG.AE",
        "Adverse event",
        "Yes",
        List.of(
            "IT.AE.TERM",
            "IT.AE.SERIOUS",
            "IT.AE.SEVERITY",
            "IT.AE.ONSET",
            "IT.AE.END",
            "IT.AE.OUTCOME",
            "IT.AE.RELATEDNESS"));
    itemDef("IT.CONSENT.EVENT", "Consent event (CONSENTED or WITHDRAWN)", "text");
    itemDef("IT.CONSENT.FORM", "Consent form version", "text");
    itemDef("IT.CONSENT.FORM_SHA256", "SHA-256 of the consent form document", "text");
    itemDef("IT.CONSENT.DATETIME", "Date and time of the consent event (UTC)", "datetime");
    for (OutcomeMeasure m : measures())
      itemDef(measureOid(m.index()), m.name(), numeric(m.index()) ? "float" : "text");
    itemDef("IT.AE.TERM", "Adverse event term", "text");
    itemDef("IT.AE.SERIOUS", "Serious", "boolean");
    itemDef("IT.AE.SEVERITY", "Severity", "text");
    itemDef("IT.AE.ONSET", "Onset date", "date");
    itemDef("IT.AE.END", "End date", "date");
    itemDef("IT.AE.OUTCOME", "Outcome", "text");
    itemDef("IT.AE.RELATEDNESS", "Relationship to study treatment", "text");
    end();
    end();
  }

  /** The registered measures, plus any a result names that the caller did not list. */
  private List<OutcomeMeasure> measures() {
    Map<Integer, OutcomeMeasure> byIndex = new TreeMap<>();
    for (OutcomeMeasure m : export.measures()) byIndex.put(m.index(), m);
    for (ResultRecord r : results)
      byIndex.putIfAbsent(
          r.outcomeIndex(), new OutcomeMeasure(r.outcomeIndex(), r.outcomeMeasure(), false));
    return new ArrayList<>(byIndex.values());
  }

  private List<String> measureOids() {
    return measures().stream().map(m -> measureOid(m.index())).toList();
  }

  private boolean numeric(int index) {
    List<ResultRecord> of = results.stream().filter(r -> r.outcomeIndex() == index).toList();
    return !of.isEmpty()
        && of.stream().allMatch(r -> r.valueType() == ResultRecord.ValueType.NUMBER);
  }

  private static String measureOid(int index) {
    return "IT.OUTCOME." + index;
  }

  private void studyEventDef(String oid, String name, String type, String form)
      throws XMLStreamException {
    start("StudyEventDef", "OID", oid, "Name", name, "Repeating", "No", "Type", type);
    empty("FormRef", "FormOID", form, "Mandatory", "No");
    end();
  }

  private void formDef(String oid, String name, String repeating, String group)
      throws XMLStreamException {
    start("FormDef", "OID", oid, "Name", name, "Repeating", repeating);
    empty("ItemGroupRef", "ItemGroupOID", group, "Mandatory", "Yes");
    end();
  }

  private void itemGroupDef(String oid, String name, String repeating, List<String> items)
      throws XMLStreamException {
    start("ItemGroupDef", "OID", oid, "Name", name, "Repeating", repeating);
    for (String item : items) empty("ItemRef", "ItemOID", item, "Mandatory", "No");
    end();
  }

  private void itemDef(String oid, String name, String dataType) throws XMLStreamException {
    empty("ItemDef", "OID", oid, "Name", name, "DataType", dataType);
  }

  private void adminData() throws XMLStreamException {
    start("AdminData", "StudyOID", export.trialId());
    for (var user : userOids.entrySet()) {
      start("User", "OID", user.getValue(), "UserType", "Investigator");
      textElement("LoginName", user.getKey());
      String printed = userNames.get(user.getKey());
      if (printed != null) textElement("FullName", printed);
      end();
    }
    for (var site : locationOids.entrySet()) {
      start(
          "Location",
          "OID",
          site.getValue(),
          "Name",
          export.siteNames().getOrDefault(site.getKey(), site.getKey()),
          "LocationType",
          "Site");
      empty(
          "MetaDataVersionRef",
          "StudyOID",
          export.trialId(),
          "MetaDataVersionOID",
          MDV,
          "EffectiveDate",
          LocalDate.ofInstant(export.createdAt(), ZoneOffset.UTC).toString());
      end();
    }
    for (SignatureMeaning meaning : signatureMeanings()) {
      start("SignatureDef", "OID", signatureOid(meaning), "Methodology", "Electronic");
      textElement("Meaning", meaning.text());
      textElement(
          "LegalReason",
          "21 CFR Part 11 electronic signature, legally binding equivalent of a handwritten signature (11.100(c))");
      end();
    }
    end();
  }

  private TreeSet<SignatureMeaning> signatureMeanings() {
    TreeSet<SignatureMeaning> meanings = new TreeSet<>();
    for (ConsentRecord c : export.consents()) {
      if (c.signature() != null && c.signature().meaning() != null)
        meanings.add(c.signature().meaning());
    }
    return meanings;
  }

  private static String signatureOid(SignatureMeaning meaning) {
    return "SD." + meaning.name();
  }

  private void clinicalData() throws XMLStreamException {
    start("ClinicalData", "StudyOID", export.trialId(), "MetaDataVersionOID", MDV);
    Map<Pseudonym, String> sites = new TreeMap<>();
    for (Enrolment e : export.subjects()) sites.put(e.subject(), e.siteId());
    Map<Pseudonym, List<ConsentRecord>> consents = group(export.consents(), ConsentRecord::subject);
    Map<Pseudonym, List<ResultRecord>> resultsBySubject = group(results, ResultRecord::subject);
    Map<Pseudonym, List<AdverseEventRecord>> aesBySubject =
        group(adverseEvents, AdverseEventRecord::subject);
    TreeSet<Pseudonym> subjects = new TreeSet<>(sites.keySet());
    subjects.addAll(consents.keySet());
    subjects.addAll(resultsBySubject.keySet());
    subjects.addAll(aesBySubject.keySet());
    for (Pseudonym subject : subjects) {
      start("SubjectData", "SubjectKey", subject.value());
      String site = sites.get(subject);
      if (site != null) empty("SiteRef", "LocationOID", locationOids.get(site));
      consentEvents(consents.getOrDefault(subject, List.of()));
      results(resultsBySubject.getOrDefault(subject, List.of()));
      adverseEvents(aesBySubject.getOrDefault(subject, List.of()));
      end();
    }
    end();
  }

  private static <T> Map<Pseudonym, List<T>> group(List<T> items, Function<T, Pseudonym> subject) {
    return items.stream()
        .filter(i -> subject.apply(i) != null)
        .collect(Collectors.groupingBy(subject, TreeMap::new, Collectors.toList()));
  }

  private void consentEvents(List<ConsentRecord> events) throws XMLStreamException {
    if (events.isEmpty()) return;
    List<ConsentRecord> inOrder =
        events.stream().sorted(Comparator.comparing(ConsentRecord::occurredAt)).toList();
    start("StudyEventData", "StudyEventOID", "SE.CONSENT");
    int repeat = 1;
    for (ConsentRecord c : inOrder) {
      start("FormData", "FormOID", "F.CONSENT", "FormRepeatKey", String.valueOf(repeat++));
      auditRecord(c.obtainedBy(), c.siteId(), c.occurredAt(), null);
      Manifestation m = c.signature();
      if (m != null && m.signer() != null && m.meaning() != null && m.signedAt() != null) {
        start("Signature");
        empty("UserRef", "UserOID", userOids.get(m.signer()));
        empty("LocationRef", "LocationOID", locationOids.get(c.siteId()));
        empty("SignatureRef", "SignatureOID", signatureOid(m.meaning()));
        textElement("DateTimeStamp", UTC.format(m.signedAt()));
        end();
      }
      start("ItemGroupData", "ItemGroupOID", "IG.CONSENT");
      item("IT.CONSENT.EVENT", c.event() == null ? null : c.event().name());
      item("IT.CONSENT.FORM", c.consentFormVersionId());
      item(
          "IT.CONSENT.FORM_SHA256",
          c.consentFormSha256() == null ? null : c.consentFormSha256().hex());
      item("IT.CONSENT.DATETIME", c.occurredAt() == null ? null : UTC.format(c.occurredAt()));
      end();
      end();
    }
    end();
  }

  private void results(List<ResultRecord> rs) throws XMLStreamException {
    for (var visit : visitOids.entrySet()) {
      List<ResultRecord> atVisit =
          rs.stream()
              .filter(r -> r.visit().equals(visit.getKey()))
              .sorted(Comparator.comparingInt(ResultRecord::outcomeIndex))
              .toList();
      if (atVisit.isEmpty()) continue;
      start("StudyEventData", "StudyEventOID", visit.getValue());
      start("FormData", "FormOID", "F.RESULTS");
      start("ItemGroupData", "ItemGroupOID", "IG.RESULTS");
      for (ResultRecord r : atVisit) {
        start("ItemData", "ItemOID", measureOid(r.outcomeIndex()), "Value", r.value());
        auditRecord(r.enteredBy(), r.siteId(), r.enteredAt(), r.reasonForChange());
        if (r.unit() != null)
          empty("MeasurementUnitRef", "MeasurementUnitOID", unitOids.get(r.unit()));
        end();
      }
      end();
      end();
      end();
    }
  }

  private void adverseEvents(List<AdverseEventRecord> events) throws XMLStreamException {
    if (events.isEmpty()) return;
    start("StudyEventData", "StudyEventOID", "SE.AE");
    start("FormData", "FormOID", "F.AE");
    for (AdverseEventRecord e :
        events.stream().sorted(Comparator.comparing(AdverseEventRecord::eventId)).toList()) {
      start("ItemGroupData", "ItemGroupOID", "IG.AE", "ItemGroupRepeatKey", e.eventId());
      auditRecord(e.enteredBy(), e.siteId(), e.enteredAt(), e.reasonForChange());
      item("IT.AE.TERM", e.term());
      item("IT.AE.SERIOUS", e.serious() == null ? null : e.serious().toString());
      item("IT.AE.SEVERITY", e.severity() == null ? null : e.severity().name());
      item("IT.AE.ONSET", e.onsetDate() == null ? null : e.onsetDate().toString());
      item("IT.AE.END", e.endDate() == null ? null : e.endDate().toString());
      item("IT.AE.OUTCOME", e.outcome() == null ? null : e.outcome().name());
      item("IT.AE.RELATEDNESS", e.relatedness() == null ? null : e.relatedness().name());
      end();
    }
    end();
    end();
  }

  private void auditRecord(String user, String site, Instant at, String reason)
      throws XMLStreamException {
    if (user == null || site == null || at == null) return;
    start("AuditRecord");
    empty("UserRef", "UserOID", userOids.get(user));
    empty("LocationRef", "LocationOID", locationOids.get(site));
    textElement("DateTimeStamp", UTC.format(at));
    if (reason != null && !reason.isBlank()) textElement("ReasonForChange", reason);
    end();
  }

  private void item(String oid, String value) throws XMLStreamException {
    if (value != null) empty("ItemData", "ItemOID", oid, "Value", value);
  }

  private void start(String name, String... attributes) throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, name);
    attributes(attributes);
  }

  private void empty(String name, String... attributes) throws XMLStreamException {
    xml.writeEmptyElement(NAMESPACE, name);
    attributes(attributes);
  }

  private void attributes(String... attributes) throws XMLStreamException {
    for (int i = 0; i < attributes.length; i += 2) attribute(attributes[i], attributes[i + 1]);
  }

  private void attribute(String name, String value) throws XMLStreamException {
    if (value != null) xml.writeAttribute(name, xmlSafe(value));
  }

  private void end() throws XMLStreamException {
    xml.writeEndElement();
  }

  private void textElement(String name, String text) throws XMLStreamException {
    if (text == null) return;
    start(name);
    xml.writeCharacters(xmlSafe(text));
    end();
  }

  /**
   * Replaces what XML 1.0 cannot carry (most control characters, lone surrogates, U+FFFE/U+FFFF) by
   * U+FFFD.
   */
  static String xmlSafe(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (out != null) out.append(c).append(s.charAt(i + 1));
        i++;
        continue;
      }
      ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
      if (out != null) out.append(ok ? c : '\uFFFD');
    }
    return out == null ? s : out.toString();
  }
}
