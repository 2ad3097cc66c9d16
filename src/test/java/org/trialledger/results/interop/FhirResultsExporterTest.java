package org.trialledger.results.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.interop.FhirResearchStudyExporter;
import org.trialledger.results.domain.ResultsRecord;

class FhirResultsExporterTest {
  static ResultsRecord demo() throws Exception {
    try (InputStream in =
        FhirResultsExporterTest.class.getResourceAsStream("/results/helix-pso-results.json")) {
      return ResultsRecord.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aGroupPerArmAndGroupLevelObservationsWithValuesAsWritten() throws Exception {
    ResultsRecord r = demo();
    String json = FhirResultsExporter.toJson("TLR-00000001-3", 2, r);
    Bundle b =
        FhirResearchStudyExporter.fhirContext().newJsonParser().parseResource(Bundle.class, json);
    assertEquals(Bundle.BundleType.COLLECTION, b.getType());
    List<Group> groups =
        b.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Group.class::isInstance)
            .map(Group.class::cast)
            .toList();
    assertEquals(List.of("Helixumab", "Placebo"), groups.stream().map(Group::getName).toList());
    assertEquals(60, groups.get(0).getQuantity(), "participants who started the arm");

    List<Observation> obs =
        b.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Observation.class::isInstance)
            .map(Observation.class::cast)
            .toList();
    Observation first = obs.get(0);
    assertEquals("urn:trialledger:arm-1", first.getSubject().getReference());
    var cell =
        r.outcomeMeasures().get(0).classes().get(0).categories().get(0).measurements().get(0);
    assertEquals(cell.value(), ((Quantity) first.getValue()).getValueElement().getValueAsString());
    assertTrue(
        first.getComponent().stream()
            .anyMatch(
                c ->
                    c.getCode().getCodingFirstRep().getCode().equals("number-analysed")
                        && ((IntegerType) c.getValue()).getValue() == 60),
        "numbers analysed");
    Observation ae =
        obs.stream()
            .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("adverse-event"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        ae.getComponent().stream()
            .anyMatch(c -> c.getCode().getCodingFirstRep().getCode().equals("at-risk")));

    // HAPI reads back what it wrote, unchanged (the R4 model accepts every element)
    assertEquals(
        json,
        FhirResearchStudyExporter.fhirContext()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(b));
  }

  @Test
  void aNumberKeepsItsDigitsAndTextStaysText() {
    assertEquals(
        "19.630",
        ((Quantity) FhirResultsExporter.value("19.630", "kg"))
            .getValueElement()
            .getValueAsString());
    assertEquals("NA", FhirResultsExporter.value("NA", null).primitiveValue());
  }
}
