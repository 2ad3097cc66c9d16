package org.trialledger.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.witness.WitnessTest.MemoryStore;

/**
 * Our cosigned checkpoints read by an independent implementation: Go's golang.org/x/mod/sumdb/note
 * ({@code note.Open}), through src/test/go/notecheck built in GOPATH mode on Debian's
 * golang-golang-x-mod-dev (installed by .ci/run). Skipped only where {@code go} is absent.
 */
class GoNoteCrossCheckTest {
  private static final Path GOPATH = Path.of("/usr/share/gocode");
  private static Path binary;

  private final LogFixture log = new LogFixture().grow(5, "main");
  private final CosignerKey other = CosignerKey.signer("other.example/witness", LogFixture.seed(2));

  @BeforeAll
  static void build() throws Exception {
    assumeTrue(onPath("go"), "go is not installed (apt-get install golang-go)");
    assumeTrue(
        Files.isDirectory(GOPATH.resolve("src/golang.org/x/mod/sumdb/note")),
        "golang-golang-x-mod-dev is not installed");
    Path target = Path.of("target", "go");
    Files.createDirectories(target);
    binary = target.resolve("notecheck").toAbsolutePath();
    Result r =
        run(List.of("go", "build", "-o", binary.toString(), "./src/test/go/notecheck"), target);
    assertEquals(0, r.exit, "go build: " + r.output);
  }

  @Test
  void goVerifiesOurPlainCheckpoint() throws Exception {
    assertEquals(
        "verified registry.example/log\nunknown 0\n", check(log.checkpoint(5), logKey()).output);
  }

  @Test
  void cosignatureLinesGoDoesNotKnowDoNotBreakTheLogSignature() throws Exception {
    String note = cosigned();
    assertEquals("verified registry.example/log\nunknown 2\n", check(note, logKey()).output);
  }

  @Test
  void goVerifiesOurCosignatureFromTheSpecAlone() throws Exception {
    String note = cosigned();
    Result r = check(note, logKey(), WitnessTest.KEY.verifierKey());
    assertEquals(0, r.exit, r.output);
    assertEquals(
        "verified registry.example/log\nverified regulator.example/witness\nunknown 1\n", r.output);
  }

  @Test
  void goRefusesATamperedCosignature() throws Exception {
    String note = cosigned();
    String line = WitnessTest.KEY.cosign(body(), 1000).strip();
    byte[] payload = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
    payload[20] ^= 1;
    String bad = note.replace(line, "\u2014 regulator.example/witness " + b64(payload));
    Result r = check(bad, logKey(), WitnessTest.KEY.verifierKey());
    assertEquals(1, r.exit, r.output);
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

  private static Result check(String note, String... keys) throws Exception {
    Path file = Files.createTempFile("checkpoint", ".note");
    try {
      Files.writeString(file, note, StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(List.of(binary.toString(), file.toString()));
      cmd.addAll(List.of(keys));
      return run(cmd, file.getParent());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Path cache) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("GO111MODULE", "off");
    env.put("GOPATH", GOPATH.toString());
    env.put("GOCACHE", cache.toAbsolutePath().resolve("go-build-cache").toString());
    env.put("GOFLAGS", "");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(":")) if (Files.isExecutable(Path.of(dir, exe))) return true;
    return false;
  }
}
