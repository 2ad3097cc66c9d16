package org.trialledger.registry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistryFixtures;

class DraftFormTest {
  @Test
  void everyItemSurvivesTheForm() {
    RegistrationRecord record = RegistryFixtures.completeRecord();
    assertEquals(record, DraftForm.of(record).toRecord());
    assertEquals(RegistrationRecord.empty(), DraftForm.of(RegistrationRecord.empty()).toRecord());
  }

  @Test
  void blankRowsAreDroppedAndNamesAreOnePerLine() {
    DraftForm form = DraftForm.of(RegistrationRecord.empty());
    form.addPrimaryOutcome();
    form.addLocation();
    form.setConditions("Asthma\n\n  COPD  \r\n");
    form.setCountries("de\ngb");
    RegistrationRecord r = form.toRecord();
    assertEquals(List.of(), r.primaryOutcomes());
    assertEquals(List.of(), r.locations());
    assertEquals(List.of("Asthma", "COPD"), r.conditions());
    assertEquals(List.of("DE", "GB"), r.countries());
  }

  @Test
  void malformedDatesAreFieldErrorsAllAtOnce() {
    DraftForm form = DraftForm.of(RegistrationRecord.empty());
    form.setFirstEnrolmentDate("31/12/2025");
    form.setCompletionDate("2025-02-30");
    InvalidRecordException e = assertThrows(InvalidRecordException.class, form::toRecord);
    assertEquals(List.of("firstEnrolment.date", "completion.date"), e.errors().stream().map(FieldError::field).toList());
  }
}
