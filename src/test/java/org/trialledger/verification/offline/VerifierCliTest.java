package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.Vectors;
import org.trialledger.ledger.bundle.TestLog;
import org.trialledger.ledger.merkle.ReferenceMerkle;

class VerifierCliTest {
  private final JsonObject rfc = Vectors.json(Vectors.dir("merkle/rfc6962-8-entries.json"));

  record Result(int code, String out, String err) {}

  static Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VerifierCli.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String entries(int n) {
    StringBuilder b = new StringBuilder();
    List<JsonString> all = rfc.getJsonArray("entries").getValuesAs(JsonString.class);
    for (int i = 0; i < n; i++) b.append(all.get(i).getString()).append('\n');
    return b.toString();
  }

  @Test
  void treeRootOfEveryPrefixOfTheRfcEntries() {
    for (int n = 0; n <= 8; n++) {
      Result r = run(entries(n), "tree-root");
      assertEquals(0, r.code(), r.err());
      assertEquals(
          rfc.getJsonObject("roots").getString(String.valueOf(n)) + "\n", r.out(), "root of " + n);
    }
  }

  @Test
  void proofsOfTheRfcEntries() {
    for (JsonValue v : rfc.getJsonArray("inclusion")) {
      JsonObject c = v.asJsonObject();
      Result r =
          run(entries(c.getInt("size")), "inclusion-proof", String.valueOf(c.getInt("index")));
      assertEquals(0, r.code(), r.err());
      assertEquals(lines(c.getJsonArray("path").getValuesAs(JsonString.class)), r.out());
    }
    for (JsonValue v : rfc.getJsonArray("consistency")) {
      JsonObject c = v.asJsonObject();
      if (c.getInt("old") == 0) continue;
      Result r =
          run(entries(c.getInt("new")), "consistency-proof", String.valueOf(c.getInt("old")));
      assertEquals(0, r.code(), r.err());
      assertEquals(lines(c.getJsonArray("proof").getValuesAs(JsonString.class)), r.out());
    }
  }

  @Test
  void agreesWithTheLiteralRfcReferenceOnRandomTrees() {
    Random random = new Random(9162);
    HexFormat hex = HexFormat.of();
    for (int trial = 0; trial < 120; trial++) {
      int n = trial < 20 ? trial : 1 + random.nextInt(300);
      List<byte[]> entries = new ArrayList<>();
      StringBuilder stdin = new StringBuilder();
      for (int i = 0; i < n; i++) {
        byte[] e = new byte[random.nextInt(12)];
        random.nextBytes(e);
        entries.add(e);
        stdin.append(hex.formatHex(e)).append('\n');
      }
      String in = stdin.toString();
      assertEquals(
          ReferenceMerkle.mth(entries).hex() + "\n", run(in, "tree-root").out(), "root of " + n);
      if (n == 0) continue;
      int m = random.nextInt(n);
      assertEquals(
          hashLines(ReferenceMerkle.path(m, entries)),
          run(in, "inclusion-proof", String.valueOf(m)).out(),
          "path " + m + " of " + n);
      int old = 1 + random.nextInt(n);
      assertEquals(
          hashLines(ReferenceMerkle.proof(old, entries)),
          run(in, "consistency-proof", String.valueOf(old)).out(),
          "proof " + old + " to " + n);
    }
  }

  private static String hashLines(List<Hash> hashes) {
    StringBuilder b = new StringBuilder();
    for (Hash h : hashes) b.append(h.hex()).append('\n');
    return b.toString();
  }

  @Test
  void badInputExitsWithTwoAndNoStackTrace() {
    for (Result r :
        List.of(
            run("zz\n", "tree-root"),
            run("abc\n", "tree-root"),
            run(entries(3), "inclusion-proof", "3"),
            run(entries(3), "consistency-proof", "0"),
            run("", "nonsense"),
            run("", "inclusion-proof", "x"),
            run(""),
            run("", "verify", "/no/such/bundle.json"))) {
      assertEquals(2, r.code(), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void verifyExitsZeroForAGenuineBundleAndOneForATamperedOne(@TempDir Path dir) throws Exception {
    TestLog log = new TestLog(9);
    Path bundle = Files.writeString(dir.resolve("bundle.json"), log.bundle(7).toJson());
    Path file = Files.write(dir.resolve("protocol.pdf"), log.files.get(7));
    Result ok =
        run("", "verify", bundle.toString(), file.toString(), "--key", TestLog.KEY.verifierKey());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("RESULT: VERIFIED"));

    Path other = Files.write(dir.resolve("changed.pdf"), "protocol document 8".getBytes());
    Result bad = run("", "verify", bundle.toString(), other.toString());
    assertEquals(1, bad.code(), bad.out());
    assertTrue(bad.out().contains("NOT VERIFIED (content)"), bad.out());

    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\":");
    assertEquals(2, run("", "verify", garbage.toString()).code());
  }

  private static String lines(List<JsonString> hashes) {
    StringBuilder b = new StringBuilder();
    for (JsonString h : hashes) b.append(h.getString()).append('\n');
    return b.toString();
  }
}
