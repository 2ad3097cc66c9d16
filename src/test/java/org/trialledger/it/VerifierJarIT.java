package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.Vectors;
import org.trialledger.ledger.bundle.TestLog;

/**
 * The packaged offline verifier, run as a user would: a separate JVM, only the jar on its class
 * path.
 */
class VerifierJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("war.file")).resolveSibling("trialledger-verifier.jar");

  @Test
  void holdsOnlyTheLedgerCoreTheTimestampVerifierAndBouncyCastle() throws Exception {
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      List<String> foreign =
          zip.stream()
              .map(e -> e.getName().replaceFirst("^META-INF/versions/\\d+/", ""))
              .filter(n -> n.endsWith(".class") && !n.equals("module-info.class"))
              .filter(
                  n ->
                      !n.startsWith("org/trialledger/ledger/")
                          && !n.startsWith("org/bouncycastle/"))
              .filter(
                  n ->
                      !n.startsWith("org/trialledger/anchoring/ots/")
                          && !n.startsWith("org/trialledger/anchoring/bitcoin/"))
              .filter(n -> !n.startsWith("org/trialledger/verification/offline/"))
              .toList();
      assertEquals(List.of(), foreign);
      assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("org/trialledger/log/")));
      assertTrue(
          zip.stream()
              .noneMatch(e -> e.getName().startsWith("org/trialledger/anchoring/calendar/")),
          "no network code");
    }
  }

  @Test
  void treeRootAndVerifyFromTheCommandLine(@TempDir Path dir) throws Exception {
    Result root = run("\n00\n10\n", "tree-root"); // the first three RFC 6962 entries: "", 00, 10
    assertEquals(0, root.code);
    assertEquals(
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        root.out.strip()); // RFC 6962 vectors, size 3

    TestLog log = new TestLog(6);
    Path bundle = Files.writeString(dir.resolve("bundle.json"), log.bundle(2).toJson());
    Path file = Files.write(dir.resolve("doc.pdf"), log.files.get(2));
    assertEquals(
        0,
        run("", "verify", bundle.toString(), file.toString(), "--key", TestLog.KEY.verifierKey())
            .code);
    Path tampered =
        Files.writeString(
            dir.resolve("tampered.json"),
            log.bundle(2).toJson().replace("\"leafIndex\":2", "\"leafIndex\":3"));
    Result failed = run("", "verify", tampered.toString(), file.toString());
    assertEquals(1, failed.code, failed.out);
    assertTrue(failed.out.contains("[FAIL]") && failed.out.contains("inclusion"), failed.out);
  }

  @Test
  void theExitCodeSaysWhatWasProven(@TempDir Path dir) throws Exception {
    TestLog log = new TestLog(6);
    Path bundle = Files.writeString(dir.resolve("bundle.json"), log.bundle(2).toJson());
    Result unpinned = run("", "verify", bundle.toString());
    assertEquals(3, unpinned.code, unpinned.out);
    assertTrue(unpinned.out.contains(TestLog.KEY.verifierKey()), unpinned.out);

    Result anchorRequired =
        run(
            "",
            "verify",
            bundle.toString(),
            "--key",
            TestLog.KEY.verifierKey(),
            "--require-anchor");
    assertEquals(1, anchorRequired.code, anchorRequired.out);

    Path renamed =
        Files.writeString(
            dir.resolve("renamed.json"),
            log.bundle(2).toJson().replace("\"consistency\":", "\"consistencyy\":"));
    Result unknown = run("", "verify", renamed.toString(), "--key", TestLog.KEY.verifierKey());
    assertEquals(2, unknown.code, unknown.out);
    assertTrue(unknown.out.contains("unknown member bundle.consistencyy"), unknown.out);

    byte[] latin = log.bundle(2).toJson().getBytes(StandardCharsets.UTF_8);
    latin[latin.length / 2] = (byte) 0xe9;
    Result notUtf8 = run("", "verify", Files.write(dir.resolve("latin.json"), latin).toString());
    assertEquals(2, notUtf8.code, notUtf8.out);
    assertTrue(notUtf8.out.contains("is not UTF-8 text"), notUtf8.out);

    Result help = run("", "--help");
    assertEquals(0, help.code);
    assertTrue(help.out.contains("exit codes:") && help.out.contains("3  holds"), help.out);
  }

  @Test
  void otsInfoAndOtsVerifyOnTheReferenceClientsProofs() throws Exception {
    Path vectors = Vectors.dir("ots");
    Result info = run("", "ots-info", vectors.resolve("corpus/ripemd160/README.md.ots").toString());
    assertEquals(0, info.code, info.out);
    assertTrue(info.out.startsWith("File ripemd160 hash: 0423ced4"), info.out);

    Result confirmed =
        run(
            "",
            "ots-verify",
            vectors.resolve("hello-world.txt.ots").toString(),
            "--file",
            vectors.resolve("hello-world.txt").toString(),
            "--headers",
            vectors.resolve("bitcoin-headers.txt").toString(),
            "--checkpoint",
            "358391:000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2319");
    assertEquals(0, confirmed.code, confirmed.out);
    assertTrue(confirmed.out.contains("existed by Bitcoin block 358391"), confirmed.out);

    Result pending =
        run(
            "",
            "ots-verify",
            vectors.resolve("incomplete.txt.ots").toString(),
            "--file",
            vectors.resolve("incomplete.txt").toString());
    assertEquals(3, pending.code, pending.out);
  }

  record Result(int code, String out) {}

  private static Result run(String stdin, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }
}
