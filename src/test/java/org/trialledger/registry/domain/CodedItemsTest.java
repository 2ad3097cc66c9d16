package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodedItemsTest {

  @Test
  void normaliseMapsWhatMapsAndKeepsTheRest() {
    RegistrationRecord n = CodedItems.normalise(CodedItemsFixtures.typedAsText());
    assertEquals("RANDOMIZED", n.design().allocation());
    assertEquals("PARALLEL", n.design().interventionModel());
    assertEquals("blinded assessor", n.design().masking());
    assertEquals(List.of("PHASE2", "PHASE3"), n.design().phases());
    assertEquals("DRUG", n.interventions().get(0).type());
    assertEquals("PLACEBO_COMPARATOR", n.arms().get(0).type());
    assertEquals("RECRUITING", n.locations().get(0).status());
    assertEquals(n, CodedItems.normalise(n), "normalising twice changes nothing");
  }

  @Test
  void unmappedNamesOnlyTextThatMeansNoCode() {
    List<CodedItems.Unmapped> u = CodedItems.unmapped(CodedItemsFixtures.typedAsText());
    assertEquals(
        List.of(new CodedItems.Unmapped("design.masking", Vocabulary.MASKING, "blinded assessor")),
        u);
    assertTrue(CodedItems.unmapped(RegistryFixtures.completeRecord()).isEmpty());
  }

  @Test
  void theValidatorRefusesTextThatIsNoCodeAtItsField() {
    List<FieldError> errors = RegistrationValidator.checkDraft(CodedItemsFixtures.typedAsText());
    List<String> fields = errors.stream().map(FieldError::field).toList();
    assertTrue(fields.contains("design.phases[0]"), fields.toString());
    assertTrue(fields.contains("design.masking"), fields.toString());
    assertTrue(fields.contains("arms[0].type"), fields.toString());
    String phase =
        errors.stream()
            .filter(e -> e.field().equals("design.phases[0]"))
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(phase.contains("PHASE2, PHASE3"), phase);
    assertTrue(
        RegistrationValidator.checkDraft(CodedItems.normalise(CodedItemsFixtures.typedAsText()))
            .stream()
            .map(FieldError::field)
            .toList()
            .equals(List.of("design.masking")));
  }
}
