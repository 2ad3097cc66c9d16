package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.JsonParser;

class PlainTextTest {

  private static List<FieldError> draftErrorsWith(String member, String value) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        (Map<String, Object>) JsonParser.parse(RegistryFixtures.completeRecordJson());
    json.put(member, value);
    return RegistrationValidator.checkDraft(RecordCodec.decode(json, RegistrationRecord.class));
  }

  @Test
  void everyControlCharacterIsRefusedInASingleLineField() {
    for (char c = 0; c < 0xa0; c++) {
      boolean control = c < 0x20 || c >= 0x7f;
      List<FieldError> errors = draftErrorsWith("publicTitle", "Helixumab" + c + "trial");
      assertEquals(
          control,
          errors.stream().anyMatch(e -> e.field().equals("publicTitle")),
          "U+" + Integer.toHexString(c) + ": " + errors);
    }
  }

  @Test
  void multiLineTextKeepsTabsAndLineBreaksButNotNul() {
    assertEquals(
        List.of(), draftErrorsWith("briefSummary", "First paragraph.\r\n\r\n\tSecond paragraph."));
    List<FieldError> nul = draftErrorsWith("briefSummary", "First\u0000second");
    assertEquals(1, nul.size(), nul.toString());
    assertEquals("briefSummary", nul.get(0).field());
    assertTrue(nul.get(0).message().contains("U+0000"), nul.get(0).message());
  }

  @Test
  void nestedTextIsCheckedWithItsPath() {
    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        (Map<String, Object>)
            JsonParser.parse(
                RegistryFixtures.completeRecordJson()
                    .replace("\"Plaque psoriasis\"", "\"Plaque\\u0007psoriasis\""));
    List<FieldError> errors =
        RegistrationValidator.checkDraft(RecordCodec.decode(json, RegistrationRecord.class));
    assertEquals(List.of("conditions[0]"), errors.stream().map(FieldError::field).toList());
  }
}
