package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

class VersionEnvelopeTest {
  @Test
  void theStoredTextIsCanonicalAndReadsBackToTheSameVersion() {
    VersionEnvelope v =
        new VersionEnvelope(
            "TLR-00000042-3",
            2,
            "Helix Therapeutics",
            "Sample size increased",
            Instant.parse("2026-11-24T10:15:30.123Z"),
            RegistryFixtures.completeRecord(),
            List.of(
                new VersionEnvelope.DocumentRef(
                    "PROTOCOL", "protocol.pdf", "ab".repeat(32), 1234)));
    String text = v.canonicalJson();
    assertEquals(text, CanonicalJson.write(JsonParser.parse(text)));
    assertEquals(v, VersionEnvelope.parse(text));
  }

  @Test
  void anotherSchemaIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> VersionEnvelope.parse("{\"schema\":\"other/1\"}"));
  }
}
