package org.trialledger.site.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.SignatureMeaning;
import org.trialledger.site.domain.SiteFixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OdmWriterTest {
  private static final String NS = OdmWriter.NAMESPACE;
  private final List<Pseudonym> subjects =
      List.of(
          Pseudonym.issue(SiteFixtures.seeded(21)),
          Pseudonym.issue(SiteFixtures.seeded(22)),
          Pseudonym.issue(SiteFixtures.seeded(23)));
  private final String xml = OdmWriter.toXml(SiteFixtures.export(subjects));
  private final Document doc = parse(xml);

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + xml, e);
    }
  }

  private List<Element> all(String name) {
    NodeList nodes = doc.getElementsByTagNameNS(NS, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
    return out;
  }

  private Set<String> oids(String name) {
    Set<String> out = new HashSet<>();
    for (Element e : all(name)) out.add(e.getAttribute("OID"));
    return out;
  }

  @Test
  void isAnOdm132SnapshotInTheOdmNamespace() {
    Element root = doc.getDocumentElement();
    assertEquals(NS, root.getNamespaceURI());
    assertEquals("ODM", root.getLocalName());
    assertEquals("1.3.2", root.getAttribute("ODMVersion"));
    assertEquals("Snapshot", root.getAttribute("FileType"));
    assertEquals("2025-03-10T12:00:00Z", root.getAttribute("CreationDateTime"));
    List<String> children = new ArrayList<>();
    for (var n = root.getFirstChild(); n != null; n = n.getNextSibling())
      if (n instanceof Element e) children.add(e.getLocalName());
    assertEquals(List.of("Study", "AdminData", "ClinicalData"), children);
  }

  @Test
  void subjectsAreKeyedByPseudonymWithTheirConsentsResultsAndAdverseEvents() {
    List<String> keys =
        all("SubjectData").stream().map(e -> e.getAttribute("SubjectKey")).sorted().toList();
    assertEquals(subjects.stream().map(Pseudonym::value).sorted().toList(), keys);
    assertEquals(
        4,
        all("FormData").stream().filter(f -> f.getAttribute("FormOID").equals("F.CONSENT")).count(),
        "3 consents, 1 withdrawal");
    assertEquals(
        3,
        all("ItemGroupData").stream()
            .filter(g -> g.getAttribute("ItemGroupOID").equals("IG.AE"))
            .count());
    List<String> hba1c =
        all("ItemData").stream()
            .filter(i -> i.getAttribute("ItemOID").equals("IT.OUTCOME.1"))
            .map(i -> i.getAttribute("Value"))
            .sorted()
            .toList();
    assertEquals(
        List.of("-0.2", "-0.3", "-0.9"), hba1c, "only the latest version of a corrected value");
    assertTrue(all("ItemData").stream().anyMatch(i -> i.getAttribute("Value").equals("WITHDRAWN")));
  }

  @Test
  void auditRecordsAndSignaturesReferToDefinedUsersLocationsAndSignatureDefs() {
    Set<String> users = oids("User");
    Set<String> locations = oids("Location");
    Set<String> signatureDefs = oids("SignatureDef");
    assertFalse(all("AuditRecord").isEmpty());
    for (Element ref : all("UserRef"))
      assertTrue(users.contains(ref.getAttribute("UserOID")), ref.getAttribute("UserOID"));
    for (Element ref : all("LocationRef"))
      assertTrue(locations.contains(ref.getAttribute("LocationOID")));
    for (Element ref : all("SiteRef"))
      assertTrue(locations.contains(ref.getAttribute("LocationOID")));
    assertEquals(4, all("Signature").size());
    for (Element ref : all("SignatureRef"))
      assertTrue(signatureDefs.contains(ref.getAttribute("SignatureOID")));
    Element def = all("SignatureDef").get(0);
    assertEquals("Electronic", def.getAttribute("Methodology"));
    assertEquals(
        SignatureMeaning.CONSENT_OBTAINED.text(),
        def.getElementsByTagNameNS(NS, "Meaning").item(0).getTextContent());
    assertTrue(
        def.getElementsByTagNameNS(NS, "LegalReason")
            .item(0)
            .getTextContent()
            .contains("21 CFR Part 11"));
    assertEquals("Dr. Erika Mustermann", all("FullName").get(0).getTextContent());
    Element signature = all("Signature").get(0);
    assertNotNull(signature.getElementsByTagNameNS(NS, "DateTimeStamp").item(0));
    for (Element ref : all("MeasurementUnitRef"))
      assertTrue(oids("MeasurementUnit").contains(ref.getAttribute("MeasurementUnitOID")));
  }

  @Test
  void correctionsCarryTheirReasonForChange() {
    List<String> reasons = all("ReasonForChange").stream().map(Element::getTextContent).toList();
    assertEquals(List.of("Transcription error <from> \"paper\" CRF & co"), reasons);
  }

  @Test
  void hostileStringsAreEscapedAndComeBackIntact() {
    assertFalse(xml.contains("<b>bold</b>"));
    assertFalse(xml.contains("<better>"));
    List<String> terms =
        all("ItemData").stream()
            .filter(i -> i.getAttribute("ItemOID").equals("IT.AE.TERM"))
            .map(i -> i.getAttribute("Value"))
            .toList();
    assertTrue(terms.contains("Headache ]]> <b>bold</b> & 'quoted' \uFFFD"), terms.toString());
    assertEquals("HbA1c <study> & \"friends\"", all("StudyName").get(0).getTextContent());
    assertEquals("Charité <Berlin>", all("Location").get(0).getAttribute("Name"));
  }

  @Test
  void xmlSafeReplacesOnlyWhatXmlCannotCarry() {
    assertEquals(
        "a\uFFFDb\tc\n\uD83D\uDE00\uFFFD", OdmWriter.xmlSafe("a\u0000b\tc\n\uD83D\uDE00\uD800"));
    String clean = "plain text";
    assertTrue(clean == OdmWriter.xmlSafe(clean));
  }
}
