package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.witness.AddCheckpointRequest;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.ledger.witness.LogFixture;

/**
 * The witness as a regulator runs it, in child JVMs through the verifier's command line: key
 * generation, serving, and kill -9 (SIGKILL), also between recording a checkpoint and answering.
 */
class WitnessProcessTest {
  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();
  private final LogFixture log = new LogFixture().grow(12, "main");

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  @Test
  void keygenThenServeThenSurviveKill9() throws Exception {
    Path keyFile = dir.resolve("witness.key");
    Process keygen =
        java(
            VerifierCli.class,
            "witness-keygen",
            "--name",
            "regulator.example/w",
            "--key-file",
            keyFile.toString());
    String vkey =
        new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, keygen.waitFor());
    CosignerKey witnessKey = CosignerKey.parseVerifier(vkey);
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    Process again =
        java(VerifierCli.class, "witness-keygen", "--name", "x", "--key-file", keyFile.toString());
    assertEquals(2, again.waitFor()); // never overwrites a key

    Path state = dir.resolve("state");
    Started w = serve(keyFile, state);
    assertTrue(w.banner.contains("witness verifier key: " + vkey), w.banner);
    HttpResponse<String> r = WitnessServerTest.post(w.uri, log.request(0, 5).text());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(witnessKey.verifyIn(log.checkpoint(5) + r.body()).isPresent());

    w.process.destroyForcibly(); // SIGKILL
    w.process.waitFor();
    Started again2 = serve(keyFile, state);
    assertEquals("5\n", WitnessServerTest.post(again2.uri, log.request(0, 12).text()).body());
    assertEquals(200, WitnessServerTest.post(again2.uri, log.request(5, 12).text()).statusCode());
  }

  @Test
  void killedAfterRecordingBeforeAnsweringItStillRemembers() throws Exception {
    Path state = dir.resolve("state");
    Process halting = java(HaltingWitness.class, state.toString(), LogFixture.KEY.verifierKey());
    URI uri = listening(halting).uri;
    assertThrows(IOException.class, () -> WitnessServerTest.post(uri, log.request(0, 5).text()));
    assertEquals(137, halting.waitFor());

    Path keyFile = dir.resolve("witness.key");
    Files.writeString(keyFile, WitnessServerTest.KEY.signerKey() + "\n");
    Started w = serve(keyFile, state);
    // the unanswered checkpoint was recorded: the witness never goes back before it
    assertEquals("5\n", WitnessServerTest.post(w.uri, log.request(0, 12).text()).body());
    LogFixture fork = new LogFixture().grow(3, "main").grow(2, "fork");
    assertEquals(
        409,
        WitnessServerTest.post(
                w.uri, new AddCheckpointRequest(5, List.of(), fork.checkpoint(5)).text())
            .statusCode());
    assertEquals(200, WitnessServerTest.post(w.uri, log.request(5, 12).text()).statusCode());
  }

  /**
   * Killed at each stage of the state write while moving from a cosigned checkpoint 5 to 12: on
   * restart the witness holds 5 or 12, never a mix or nothing, and whichever it holds it refuses a
   * fork of the log that branches off before 5, so it never cosigns two inconsistent checkpoints.
   */
  @Test
  void killedAtEveryStageOfTheStateWriteNeverCosignsAFork() throws Exception {
    Path keyFile = dir.resolve("witness.key");
    Files.writeString(keyFile, WitnessServerTest.KEY.signerKey() + "\n");
    LogFixture fork = new LogFixture().grow(3, "main").grow(9, "fork");
    for (String stage : List.of("temp written", "renamed", "directory synced")) {
      Path state = dir.resolve("state-" + stage.replace(' ', '-'));
      Started first = serve(keyFile, state);
      assertEquals(200, WitnessServerTest.post(first.uri, log.request(0, 5).text()).statusCode());
      first.process.destroyForcibly();
      first.process.waitFor();

      Process halting =
          java(HaltingWitness.class, state.toString(), LogFixture.KEY.verifierKey(), stage);
      URI uri = listening(halting).uri;
      assertThrows(
          IOException.class, () -> WitnessServerTest.post(uri, log.request(5, 12).text()), stage);
      assertEquals(137, halting.waitFor(), stage);

      Started w = serve(keyFile, state);
      HttpResponse<String> probe = WitnessServerTest.post(w.uri, log.request(0, 12).text());
      assertEquals(409, probe.statusCode(), stage);
      long held = Long.parseLong(probe.body().strip());
      assertTrue(held == 5 || held == 12, stage + ": holds " + held);
      // before the rename the old state stands (the temporary file is discarded); after it, the new
      assertEquals("temp written".equals(stage) ? 5 : 12, held, stage);
      for (long old : List.of(0L, 5L, 12L)) {
        int status =
            WitnessServerTest.post(
                    w.uri,
                    new AddCheckpointRequest(old, fork.proof(old, 12), fork.checkpoint(12)).text())
                .statusCode();
        assertTrue(
            status == 409 || status == 422, stage + ": the fork from " + old + " got " + status);
      }
      // the genuine log still goes on from what it holds
      assertEquals(200, WitnessServerTest.post(w.uri, log.request(held, 12).text()).statusCode());
      w.process.destroyForcibly();
      w.process.waitFor();
    }
  }

  private Started serve(Path keyFile, Path state) throws IOException {
    return listening(
        java(
            VerifierCli.class,
            "witness",
            "--log-key",
            LogFixture.KEY.verifierKey(),
            "--key-file",
            keyFile.toString(),
            "--state",
            state.toString(),
            "--bind",
            "127.0.0.1",
            "--port",
            "0"));
  }

  private record Started(Process process, URI uri, String banner) {}

  /** Reads the child's output up to its "listening on URL" line. */
  private static Started listening(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder banner = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      banner.append(line).append('\n');
      if (line.startsWith("listening on "))
        return new Started(
            p, URI.create(line.substring("listening on ".length())), banner.toString());
    }
    throw new AssertionError(
        "the witness exited: "
            + banner
            + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private Process java(Class<?> main, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    children.add(p);
    return p;
  }
}
