package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.anchoring.ots.OtsFormatException.Reason;

/**
 * Debian's python3-opentimestamps (the reference implementation) as a second, strict parser.
 * Skipped where it is not installed ({@code apt-get install python3-opentimestamps}).
 */
class PythonOpenTimestampsCrossCheckTest {
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys",
          "from opentimestamps.core.timestamp import DetachedTimestampFile",
          "from opentimestamps.core.serialize import StreamDeserializationContext, BytesSerializationContext",
          "for path in sys.argv[1:]:",
          "    data = open(path, 'rb').read()",
          "    try:",
          "        with open(path, 'rb') as fd:",
          "            proof = DetachedTimestampFile.deserialize(StreamDeserializationContext(fd))",
          "        out = BytesSerializationContext()",
          "        proof.serialize(out)",
          "        print(path, 'OK' if out.getbytes() == data else 'DIFF')",
          "    except Exception as e:",
          "        print(path, 'REJECT', type(e).__name__)",
          "");

  private static String python;

  @BeforeAll
  static void findPython() throws Exception {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import opentimestamps.core.timestamp").start();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          python = candidate;
          return;
        }
      } catch (IOException e) {
        // not there
      }
    }
    Assumptions.assumeTrue(false, "python3-opentimestamps is not installed");
  }

  @Test
  void theReferenceReadsEveryProofWeWriteAndWritesTheSameBytes(@TempDir Path dir) throws Exception {
    List<byte[]> proofs = new ArrayList<>();
    OtsVectors.validProofs().forEach(p -> proofs.add(OtsVectors.read(p)));
    StampRequest r = StampRequest.forSha256(StampRequestTest.DIGEST, new SecureRandom());
    DetachedTimestampFile stamped =
        r.proof(
            List.of(
                StampRequestTest.pendingAnswer(r.commitment(), "https://a.example"),
                StampRequestTest.pendingAnswer(r.commitment(), "https://b.example")));
    proofs.add(stamped.serialize());
    proofs.add(JavaOpenTimestampsCrossCheckTest.upgraded(stamped).serialize());
    for (DetachedTimestampFile p : new RandomProofs(3, true, true).take(300))
      proofs.add(p.serialize());
    Map<String, String> verdicts = run(dir, proofs);
    verdicts.forEach((file, verdict) -> assertEquals("OK", verdict, file));
  }

  /**
   * The real proofs of other clients: the reference reads each as we do, and writes back the same
   * bytes exactly when we find them canonical (we always write back the bytes we read).
   */
  @Test
  void theReferenceReadsTheCorpusAsWeDo(@TempDir Path dir) throws Exception {
    List<byte[]> proofs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (Path p : OtsVectors.corpusProofs()) {
      byte[] bytes = OtsVectors.read(p);
      proofs.add(bytes);
      expected.add(DetachedTimestampFile.parse(bytes).isCanonical() ? "OK" : "DIFF");
    }
    assertEquals(expected, new ArrayList<>(run(dir, proofs).values()));
    assertTrue(expected.contains("DIFF"), "the corpus holds a non-canonical proof");
  }

  /**
   * Differential fuzzing: what we accept, the reference accepts (writing back the same bytes when
   * they are canonical), and what we refuse it refuses, but for heights beyond 2^63.
   */
  @Test
  void onDamagedProofsTheReferenceAgreesWithUs(@TempDir Path dir) throws Exception {
    EnumSet<Reason> ours = EnumSet.of(Reason.VARUINT_OVERFLOW);
    Mutations mutations = new Mutations(99L);
    List<byte[]> inputs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    while (inputs.size() < 1000) {
      byte[] input = mutations.next();
      try {
        expected.add(DetachedTimestampFile.parse(input).isCanonical() ? "OK" : "DIFF");
      } catch (OtsFormatException e) {
        if (ours.contains(e.reason())) continue;
        expected.add("REJECT");
      }
      inputs.add(input);
    }
    List<String> verdicts = new ArrayList<>(run(dir, inputs).values());
    int accepted = 0;
    for (int i = 0; i < inputs.size(); i++) {
      String verdict = verdicts.get(i).startsWith("REJECT") ? "REJECT" : verdicts.get(i);
      assertEquals(
          expected.get(i), verdict, "input " + i + ": " + HexFormat.of().formatHex(inputs.get(i)));
      if (verdict.equals("OK")) accepted++;
    }
    assertTrue(accepted > 10, accepted + " accepted");
  }

  private static Map<String, String> run(Path dir, List<byte[]> proofs) throws Exception {
    Path script = dir.resolve("check.py");
    Files.writeString(script, SCRIPT, StandardCharsets.US_ASCII);
    List<String> command = new ArrayList<>(List.of(python, "-W", "ignore", script.toString()));
    for (int i = 0; i < proofs.size(); i++) {
      Path f = dir.resolve(String.format("p%04d.ots", i));
      Files.write(f, proofs.get(i));
      command.add(f.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
    assertEquals(0, p.exitValue(), out);
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) continue;
      int space = line.indexOf(' ');
      verdicts.put(line.substring(0, space), line.substring(space + 1));
    }
    assertEquals(proofs.size(), verdicts.size(), out);
    return verdicts;
  }
}
