package org.trialledger.registry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialledger.ledger.Vectors;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistryFixtures;
import org.trialledger.registry.interop.CtGovImporter;

class DraftFormTest {
  @Test
  void everyItemSurvivesTheForm() {
    RegistrationRecord record = RegistryFixtures.completeRecord();
    assertEquals(record, DraftForm.of(record).toRecord());
    assertEquals(RegistrationRecord.empty(), DraftForm.of(RegistrationRecord.empty()).toRecord());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NCT06171568", "NCT00763412"})
  void anImportedClinicalTrialsGovRecordSurvivesTheForm(String nctId) throws Exception {
    RegistrationRecord record =
        CtGovImporter.importStudy(Files.readString(Vectors.dir("ctgov").resolve(nctId + ".json")))
            .record();
    assertEquals(record, DraftForm.of(record).toRecord());
  }

  @Test
  void blankRowsAreDroppedAndNamesAreOnePerLine() {
    DraftForm form = DraftForm.of(RegistrationRecord.empty());
    form.getOutcomes().getPrimary().add();
    form.getLocations().add();
    form.getConditions().setConditions("Asthma\n\n  COPD  \r\n");
    form.getConditions().setCountries("de\ngb");
    RegistrationRecord r = form.toRecord();
    assertEquals(List.of(), r.primaryOutcomes());
    assertEquals(List.of(), r.locations());
    assertEquals(List.of("Asthma", "COPD"), r.conditions());
    assertEquals(List.of("DE", "GB"), r.countries());
  }

  @Test
  void malformedDatesAreFieldErrorsAllAtOnce() {
    DraftForm form = DraftForm.of(RegistrationRecord.empty());
    form.getDates().getFirstEnrolment().setDate("31/12/2025");
    form.getDates().getCompletion().setDate("2025-02-30");
    InvalidRecordException e = assertThrows(InvalidRecordException.class, form::toRecord);
    assertEquals(
        List.of("firstEnrolment.date", "completion.date"),
        e.errors().stream().map(FieldError::field).toList());
  }
}
