package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

class RecordCodecTest {
  @Test
  void aCompleteRecordRoundTripsThroughCanonicalJson() {
    RegistrationRecord record = RegistryFixtures.completeRecord();
    String canonical = CanonicalJson.write(RecordCodec.encode(record));
    RegistrationRecord back =
        RecordCodec.decode(JsonParser.parse(canonical), RegistrationRecord.class);
    assertEquals(record, back);
    assertEquals(canonical, CanonicalJson.write(RecordCodec.encode(back)));
    assertEquals("Helixumab", back.interventions().get(0).name());
    assertEquals(new PartialDate("2026-03"), back.firstEnrolment().date());
    assertEquals(RegistrationRecord.DateType.ANTICIPATED, back.firstEnrolment().type());
    assertEquals(240, back.enrolment().count());
    assertEquals(List.of("PHASE2"), back.design().phases());
  }

  @Test
  void nullsAndEmptyListsAreLeftOutSoThatNothingHashesOneWay() {
    Map<String, Object> json = RecordCodec.encode(RegistrationRecord.empty());
    assertEquals(Map.of("schema", RegistrationRecord.SCHEMA), json);
    RegistrationRecord fromExplicitNothing =
        RecordCodec.decode(
            JsonParser.parse("{\"conditions\":[],\"acronym\":null}"), RegistrationRecord.class);
    assertEquals(
        CanonicalJson.write(json), CanonicalJson.write(RecordCodec.encode(fromExplicitNothing)));
  }

  @Test
  void unknownMembersWrongTypesAndUnknownValuesAreNamedErrors() {
    assertEquals("publicTitel", error("{\"publicTitel\":\"x\"}").field());
    assertEquals("conditions", error("{\"conditions\":\"asthma\"}").field());
    assertEquals("enrolment.count", error("{\"enrolment\":{\"count\":2.5}}").field());
    assertEquals("enrolment.count", error("{\"enrolment\":{\"count\":99999999999}}").field());
    FieldError unknown = error("{\"recruitmentStatus\":\"ALMOST_DONE\"}");
    assertEquals("recruitmentStatus", unknown.field());
    assertTrue(unknown.message().contains("RECRUITING"), unknown.message());
    FieldError date = error("{\"firstEnrolment\":{\"date\":\"2023-02-30\"}}");
    assertEquals("firstEnrolment.date", date.field());
    assertEquals(
        "interventions[1].name",
        error("{\"interventions\":[{\"name\":\"a\"},{\"name\":7}]}").field());
  }

  @Test
  void theSchemaMarkerCannotBeChangedByAClient() {
    RegistrationRecord r =
        RecordCodec.decode(JsonParser.parse("{\"schema\":\"evil/9\"}"), RegistrationRecord.class);
    assertEquals(RegistrationRecord.SCHEMA, r.schema());
    assertFalse(CanonicalJson.write(RecordCodec.encode(r)).contains("evil"));
  }

  private static FieldError error(String json) {
    InvalidRecordException e =
        assertThrows(
            InvalidRecordException.class,
            () -> RecordCodec.decode(JsonParser.parse(json), RegistrationRecord.class));
    assertEquals(1, e.errors().size(), e.getMessage());
    return e.errors().get(0);
  }
}
