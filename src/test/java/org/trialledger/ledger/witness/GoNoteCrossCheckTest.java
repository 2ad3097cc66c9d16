package org.trialledger.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.GoProgram;
import org.trialledger.ledger.witness.WitnessTest.MemoryStore;

/**
 * Our cosigned checkpoints read by an independent implementation: Go's golang.org/x/mod/sumdb/note
 * ({@code note.Open}), through src/test/go/notecheck (see {@link GoProgram}).
 */
class GoNoteCrossCheckTest {
  private static GoProgram notecheck;

  private final LogFixture log = new LogFixture().grow(5, "main");
  private final CosignerKey other = CosignerKey.signer("other.example/witness", LogFixture.seed(2));

  @BeforeAll
  static void build() throws Exception {
    notecheck = GoProgram.build("notecheck");
  }

  @Test
  void goVerifiesOurPlainCheckpoint() throws Exception {
    assertEquals(
        "verified registry.example/log\nunknown 0\n", check(log.checkpoint(5), logKey()).output());
  }

  @Test
  void cosignatureLinesGoDoesNotKnowDoNotBreakTheLogSignature() throws Exception {
    String note = cosigned();
    assertEquals("verified registry.example/log\nunknown 2\n", check(note, logKey()).output());
  }

  @Test
  void goVerifiesOurCosignatureFromTheSpecAlone() throws Exception {
    String note = cosigned();
    GoProgram.Result r = check(note, logKey(), WitnessTest.KEY.verifierKey());
    assertEquals(0, r.exit(), r.output());
    assertEquals(
        "verified registry.example/log\nverified regulator.example/witness\nunknown 1\n",
        r.output());
  }

  @Test
  void goRefusesATamperedCosignature() throws Exception {
    String note = cosigned();
    String line = WitnessTest.KEY.cosign(body(), 1000).strip();
    byte[] payload = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
    payload[20] ^= 1;
    String bad = note.replace(line, "\u2014 regulator.example/witness " + b64(payload));
    GoProgram.Result r = check(bad, logKey(), WitnessTest.KEY.verifierKey());
    assertEquals(1, r.exit(), r.output());
  }

  /** The log's note with our witness's cosignature (through the real Witness) and another's. */
  private String cosigned() throws IOException {
    Witness w =
        new Witness(WitnessTest.KEY, List.of(LogFixture.KEY), new MemoryStore(), () -> 1000);
    Witness.Answer a = w.addCheckpoint(log.request(0, 5));
    assertEquals(200, a.status());
    return log.checkpoint(5) + a.body() + other.cosign(body(), 999);
  }

  private String body() {
    String note = log.checkpoint(5);
    return note.substring(0, note.lastIndexOf("\n\n") + 1);
  }

  private static String logKey() {
    return LogFixture.KEY.verifierKey();
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static GoProgram.Result check(String note, String... keys) throws Exception {
    Path file = Files.createTempFile("checkpoint", ".note");
    try {
      Files.writeString(file, note, StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>(List.of(file.toString()));
      args.addAll(List.of(keys));
      return notecheck.run(args.toArray(String[]::new));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
