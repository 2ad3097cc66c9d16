package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.RegistrationRecord.Contact;

class FieldLabelsTest {
  @Test
  void theFormMarksRequiredWhatPublicationRequires() {
    Set<String> missing =
        RegistrationValidator.checkPublishable(RegistrationRecord.empty()).stream()
            .map(FieldError::field)
            .collect(Collectors.toSet());
    // a contact needs an e-mail or a phone: neither field alone is required
    missing.removeAll(Set.of("publicContact", "scientificContact"));
    Set<String> required =
        FieldLabels.fields().stream()
            .filter(FieldLabels.Field::requiredToPublish)
            .map(FieldLabels.Field::path)
            .collect(Collectors.toSet());
    assertEquals(missing, required);
  }

  @Test
  void theValidatorTakesItsLimitsFromTheCatalogue() {
    assertEquals(500, FieldLabels.max("publicTitle"));
    assertEquals(300, FieldLabels.max("arms[3].label"));
    assertEquals(5_000, FieldLabels.field("conditions").inputMax());
    RegistrationRecord r = RegistrationRecord.empty();
    RegistrationRecord longSponsor =
        new RegistrationRecord(
            null,
            null,
            null,
            "S".repeat(301),
            null,
            new Contact(null, null, null, "1".repeat(51), null),
            null,
            null,
            null,
            null,
            null,
            List.of("C".repeat(301)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(
        List.of("primarySponsor", "publicContact.phone", "conditions[0]"),
        RegistrationValidator.checkDraft(longSponsor).stream().map(FieldError::field).toList());
    assertEquals(List.of(), RegistrationValidator.checkDraft(r));
  }

  @Test
  void everyFieldHasALabelAndUnknownPathsAreRefused() {
    assertTrue(
        FieldLabels.fields().stream().noneMatch(f -> f.label() == null || f.label().isBlank()));
    assertEquals("Actual or anticipated", FieldLabels.field("completion.type").label());
    assertThrows(IllegalArgumentException.class, () -> FieldLabels.field("noSuchField"));
  }
}
