package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public JavaScript client (npm {@code opentimestamps} 0.4.9, {@code ots-cli.js info}) reads
 * every proof we write and finds the digest we stamped. {@code .ci/run} installs it into {@code
 * ~/.cache/trialledger/ots-npm} (docs/platform-notes.md §8); skipped where it or node is absent.
 */
class NpmOpenTimestampsCrossCheckTest {
  private static Path cli;

  @BeforeAll
  static void findClient() {
    Path dir =
        Path.of(
            System.getProperty(
                "ots.npm.dir", System.getProperty("user.home") + "/.cache/trialledger/ots-npm"));
    Path candidate = dir.resolve("node_modules/opentimestamps/ots-cli.js");
    Assumptions.assumeTrue(
        Files.isRegularFile(candidate),
        "the npm opentimestamps client is not installed (see .ci/run)");
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/node"))
            || Files.isExecutable(Path.of("/usr/local/bin/node")),
        "node is not installed");
    cli = candidate;
  }

  @Test
  void theJavaScriptClientReadsOurProofs(@TempDir Path dir) throws Exception {
    List<DetachedTimestampFile> proofs = new ArrayList<>();
    for (Path p : OtsVectors.validProofs())
      proofs.add(DetachedTimestampFile.parse(OtsVectors.read(p)));
    StampRequest r = StampRequest.forSha256(StampRequestTest.DIGEST, new SecureRandom());
    DetachedTimestampFile stamped =
        r.proof(
            List.of(
                StampRequestTest.pendingAnswer(r.commitment(), "https://a.example"),
                StampRequestTest.pendingAnswer(r.commitment(), "https://b.example")));
    proofs.add(stamped);
    proofs.add(JavaOpenTimestampsCrossCheckTest.upgraded(stamped));
    for (int i = 0; i < proofs.size(); i++) {
      Path f = dir.resolve("p" + i + ".ots");
      Files.write(f, proofs.get(i).serialize());
      Process p =
          new ProcessBuilder("node", cli.toString(), "info", f.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ots-cli did not finish");
      assertEquals(0, p.exitValue(), out);
      String digest = HexFormat.of().formatHex(proofs.get(i).fileDigest());
      assertTrue(
          out.contains(digest), "proof " + i + ": the client reads the digest we stamped\n" + out);
    }
  }
}
