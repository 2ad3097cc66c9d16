package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.site.domain.SiteFixtures.CLOCK;
import static org.trialledger.site.domain.SiteFixtures.FORM_V1_SHA;
import static org.trialledger.site.domain.SiteFixtures.HBA1C;
import static org.trialledger.site.domain.SiteFixtures.MEASURES;
import static org.trialledger.site.domain.SiteFixtures.NOW;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistryFixtures;
import org.trialledger.site.domain.AdverseEventRecord.Outcome;
import org.trialledger.site.domain.ConsentRecord.Event;

class SiteRecordsTest {
  private final Pseudonym subject = Pseudonym.issue(SiteFixtures.seeded(11));
  private final ConsentRecord consent =
      SiteFixtures.consent(
          subject, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, Instant.parse("2025-03-01T09:00:00Z"));
  private final ResultRecord result = SiteFixtures.result(subject, "Week 12", HBA1C, "-0.8");
  private final AdverseEventRecord ae =
      SiteFixtures.adverseEvent(subject, "AE-1", "Headache", false);

  private static Map<String, String> byField(List<FieldError> errors) {
    return errors.stream()
        .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));
  }

  @Test
  void validRecordsPass() {
    assertEquals(List.of(), consent.validate(CLOCK));
    assertEquals(List.of(), result.validate(CLOCK, MEASURES));
    assertEquals(List.of(), ae.validate(CLOCK));
  }

  @Test
  void jsonCarriesTheSchemaAndRoundTrips() {
    assertEquals(ConsentRecord.SCHEMA, consent.toJson().get("schema"));
    assertEquals(
        consent, ConsentRecord.fromJson(JsonParser.parse(CanonicalJson.write(consent.toJson()))));
    assertEquals(
        result, ResultRecord.fromJson(JsonParser.parse(CanonicalJson.write(result.toJson()))));
    assertEquals(
        ae, AdverseEventRecord.fromJson(JsonParser.parse(CanonicalJson.write(ae.toJson()))));
    assertEquals(
        "{\"consentFormSha256\":\""
            + FORM_V1_SHA.hex()
            + "\",\"consentFormVersionId\":\"ICF-v1\",\"event\":\"CONSENTED\","
            + "\"obtainedBy\":\"emuster\",\"occurredAt\":\"2025-03-01T09:00:00Z\",\"schema\":\"trialledger.consent/1\",\"signature\":{"
            + "\"meaning\":\"CONSENT_OBTAINED\",\"printedName\":\"Dr. Erika Mustermann\",\"signedAt\":\"2025-03-01T09:01:00Z\","
            + "\"signer\":\"emuster\"},\"siteId\":\"site-berlin-01\",\"subject\":\""
            + subject.value()
            + "\",\"trialId\":\"TLR-00000572-4\"}",
        CanonicalJson.write(consent.toJson()));
  }

  @Test
  void readingBackIsStrict() {
    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        (Map<String, Object>) JsonParser.parse(CanonicalJson.write(result.toJson()));
    json.put("extra", "x");
    assertThrows(InvalidRecordException.class, () -> ResultRecord.fromJson(json));
    json.remove("extra");
    json.put("schema", ConsentRecord.SCHEMA);
    assertThrows(InvalidRecordException.class, () -> ResultRecord.fromJson(json));
  }

  @Test
  void timesAreWholeSecondsSoTheyHashTheSameAfterADatabaseRoundTrip() {
    var precise =
        new ConsentRecord(
            consent.trialId(),
            consent.siteId(),
            subject,
            "ICF-v1",
            FORM_V1_SHA,
            Event.CONSENTED,
            Instant.parse("2025-03-01T09:00:00.123456789Z"),
            "emuster",
            consent.signature());
    assertEquals(consent.contentHash(), precise.contentHash());
  }

  @Test
  void commitmentsAreSaltedAndRecomputable() {
    SecureRandom random = new SecureRandom();
    Commitment a = consent.commit(random);
    Commitment b = consent.commit(random);
    assertEquals(32, a.salt().length);
    assertNotEquals(a.value(), b.value(), "fresh salt, fresh commitment");
    assertNotEquals(consent.contentHash(), a.value());
    assertEquals(
        a.value(),
        Commitment.of(
            a.salt(),
            ConsentRecord.fromJson(JsonParser.parse(CanonicalJson.write(consent.toJson())))
                .toJson()));
  }

  @Test
  void futureDatesAreRefused() {
    var future =
        new ConsentRecord(
            consent.trialId(),
            consent.siteId(),
            subject,
            "ICF-v1",
            FORM_V1_SHA,
            Event.CONSENTED,
            NOW.plusSeconds(3600),
            "emuster",
            SiteFixtures.manifestation(
                "emuster", NOW.plusSeconds(3700), SignatureMeaning.CONSENT_OBTAINED));
    Map<String, String> errors = byField(future.validate(CLOCK));
    assertEquals("Cannot be in the future", errors.get("occurredAt"));
    assertEquals("Cannot be in the future", errors.get("signature.signedAt"));
    var lateAe =
        new AdverseEventRecord(
            ae.trialId(),
            ae.siteId(),
            subject,
            "AE-1",
            "Headache",
            false,
            ae.severity(),
            LocalDate.of(2025, 3, 11),
            LocalDate.of(2025, 3, 9),
            ae.outcome(),
            ae.relatedness(),
            1,
            null,
            "emuster",
            NOW);
    errors = byField(lateAe.validate(CLOCK));
    assertEquals("Cannot be in the future", errors.get("onsetDate"));
    assertEquals("Cannot be before the onset", errors.get("endDate"));
  }

  @Test
  void malformedNumbersAreRefusedWithAHint() {
    assertEquals(
        "Use a point as the decimal separator, e.g. 12.5",
        byField(withValue("12,5").validate(CLOCK, MEASURES)).get("value"));
    assertEquals(
        "Write the number out without an exponent",
        byField(withValue("1e3").validate(CLOCK, MEASURES)).get("value"));
    for (String bad : new String[] {"abc", "1.", ".5", "--1", "007", "1 000", "NaN", "Infinity"}) {
      assertTrue(byField(withValue(bad).validate(CLOCK, MEASURES)).containsKey("value"), bad);
    }
    for (String good : new String[] {"0", "-0.8", "12.50", "120"})
      assertEquals(List.of(), withValue(good).validate(CLOCK, MEASURES), good);
  }

  private ResultRecord withValue(String value) {
    return ResultRecord.first(
        result.trialId(),
        result.siteId(),
        subject,
        "Week 12",
        result.observedOn(),
        HBA1C,
        ResultRecord.ValueType.NUMBER,
        value,
        "%",
        "emuster",
        NOW);
  }

  @Test
  void correctionsAreNewVersionsThatNeedAReason() {
    ResultRecord corrected = result.correct("-0.9", "%", "Transcription error", "emuster", NOW);
    assertEquals(2, corrected.version());
    assertEquals(result.key(), corrected.key());
    assertEquals(List.of(), corrected.validate(CLOCK, MEASURES));
    ResultRecord unexplained = result.correct("-0.9", "%", " ", "emuster", NOW);
    assertEquals(
        "A correction needs a reason for the change",
        byField(unexplained.validate(CLOCK, MEASURES)).get("reasonForChange"));
    AdverseEventRecord aeFix =
        ae.correct(
            "Migraine",
            false,
            ae.severity(),
            ae.onsetDate(),
            null,
            ae.outcome(),
            ae.relatedness(),
            null,
            "emuster",
            NOW);
    assertTrue(byField(aeFix.validate(CLOCK)).containsKey("reasonForChange"));
  }

  @Test
  void resultsMustNameARegisteredOutcome() {
    var unknown =
        new ResultRecord(
            result.trialId(),
            result.siteId(),
            subject,
            "Week 12",
            result.observedOn(),
            9,
            "Made up",
            ResultRecord.ValueType.NUMBER,
            "1",
            null,
            1,
            null,
            "emuster",
            NOW);
    assertTrue(
        byField(unknown.validate(CLOCK, MEASURES))
            .get("outcomeIndex")
            .contains("no registered outcome measure 9"));
    var renamed =
        new ResultRecord(
            result.trialId(),
            result.siteId(),
            subject,
            "Week 12",
            result.observedOn(),
            1,
            "HbA1c renamed",
            ResultRecord.ValueType.NUMBER,
            "1",
            null,
            1,
            null,
            "emuster",
            NOW);
    assertEquals(
        "Outcome measure 1 is registered as \"Change in HbA1c\"",
        byField(renamed.validate(CLOCK, MEASURES)).get("outcomeMeasure"));
  }

  @Test
  void missingAndHostileFieldsAreNamed() {
    var empty =
        new AdverseEventRecord(
            "NCT0001",
            "bad site!",
            null,
            null,
            "term\u0000",
            null,
            null,
            null,
            null,
            Outcome.FATAL,
            null,
            0,
            null,
            null,
            null);
    Map<String, String> errors = byField(empty.validate(CLOCK));
    for (String field :
        List.of(
            "trialId",
            "siteId",
            "subject",
            "eventId",
            "term",
            "serious",
            "severity",
            "onsetDate",
            "relatedness",
            "version",
            "enteredBy",
            "enteredAt")) {
      assertTrue(errors.containsKey(field), field + " in " + errors);
    }
    assertEquals("Contains a control character", errors.get("term"));
    var fatal =
        new AdverseEventRecord(
            ae.trialId(),
            ae.siteId(),
            subject,
            "AE-2",
            "Stroke",
            false,
            ae.severity(),
            ae.onsetDate(),
            null,
            Outcome.FATAL,
            ae.relatedness(),
            1,
            null,
            "emuster",
            NOW);
    assertEquals(
        "An event with a fatal outcome is serious", byField(fatal.validate(CLOCK)).get("serious"));
    var e = assertThrows(InvalidRecordException.class, () -> fatal.requireValid(CLOCK));
    assertEquals(1, e.errors().size());
  }

  @Test
  void consentMustBeSignedByWhoeverObtainedIt() {
    var other =
        new ConsentRecord(
            consent.trialId(),
            consent.siteId(),
            subject,
            "ICF-v1",
            FORM_V1_SHA,
            Event.CONSENTED,
            consent.occurredAt(),
            "emuster",
            SiteFixtures.manifestation(
                "colleague", consent.occurredAt(), SignatureMeaning.CONSENT_OBTAINED));
    assertEquals(
        "Only the person who obtained the consent can sign it",
        byField(other.validate(CLOCK)).get("signature.signer"));
    var unsigned =
        new ConsentRecord(
            consent.trialId(),
            consent.siteId(),
            subject,
            "ICF-v1",
            FORM_V1_SHA,
            Event.CONSENTED,
            consent.occurredAt(),
            "emuster",
            null);
    assertTrue(byField(unsigned.validate(CLOCK)).containsKey("signature"));
  }

  @Test
  void outcomeMeasuresAreNumberedPrimaryFirst() {
    assertEquals(List.of(), OutcomeMeasure.registered(RegistrationRecord.empty()));
    var registration = RegistryFixtures.completeRecord();
    List<OutcomeMeasure> measures = OutcomeMeasure.registered(registration);
    int primaries = registration.primaryOutcomes().size();
    assertEquals(primaries + registration.secondaryOutcomes().size(), measures.size());
    assertEquals(
        new OutcomeMeasure(1, registration.primaryOutcomes().get(0).measure(), true),
        measures.get(0));
    if (!registration.secondaryOutcomes().isEmpty()) {
      assertEquals(
          new OutcomeMeasure(
              primaries + 1, registration.secondaryOutcomes().get(0).measure(), false),
          measures.get(primaries));
    }
  }
}
