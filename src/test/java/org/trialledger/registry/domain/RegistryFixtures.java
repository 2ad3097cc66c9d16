package org.trialledger.registry.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.trialledger.ledger.json.JsonParser;

/**
 * The complete example registration of the tests (the demo trial,
 * src/main/resources/org/trialledger/demo/helix-pso.json).
 */
public final class RegistryFixtures {
  private RegistryFixtures() {}

  public static String completeRecordJson() {
    try (InputStream in =
        RegistryFixtures.class.getResourceAsStream("/org/trialledger/demo/helix-pso.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RegistrationRecord completeRecord() {
    return RecordCodec.decode(JsonParser.parse(completeRecordJson()), RegistrationRecord.class);
  }
}
