package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.TestBlocks;
import org.trialledger.anchoring.ots.Attestation;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.LitecoinAttestation;
import org.trialledger.anchoring.ots.OpKind;
import org.trialledger.anchoring.ots.PendingAttestation;
import org.trialledger.anchoring.ots.Timestamp;
import org.trialledger.anchoring.ots.UnknownAttestation;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.BundleTampers;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TestLog;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.verification.offline.VerifierCliTest.Result;

/**
 * The verifier's exit code is what it proved: 0 verified against a pinned key, 1 a check failed, 2
 * unusable input, 3 holds but the key is not pinned. Each case here was a false "VERIFIED" (or a
 * misleading message) before.
 */
class VerifierExitCodesTest {
  @TempDir Path dir;
  private final TestLog log = new TestLog(13);
  private final String key = TestLog.KEY.verifierKey();

  @BeforeEach
  void regtest() {
    System.setProperty("trialledger.chain", "regtest"); // headers mined with an easy target
  }

  @AfterEach
  void mainnet() {
    System.clearProperty("trialledger.chain");
  }

  private String write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  private String write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes).toString();
  }

  private String bundle(ProofBundle b) throws Exception {
    return write("bundle.json", b.toJson());
  }

  @Test
  void aGenuineBundleIsVerifiedOnlyWithAPinnedKey() throws Exception {
    String bundle = bundle(log.bundle(5));
    String file = write("doc.pdf", log.files.get(5));
    Result pinned = VerifierCliTest.run("", "verify", bundle, file, "--key", key);
    assertEquals(0, pinned.code(), pinned.out() + pinned.err());
    assertTrue(pinned.out().contains("RESULT: VERIFIED"), pinned.out());

    String keyFile = write("log.vkey", key + "\n");
    assertEquals(0, VerifierCliTest.run("", "verify", bundle, file, "--key-file", keyFile).code());

    Result unpinned = VerifierCliTest.run("", "verify", bundle, file);
    assertEquals(3, unpinned.code(), unpinned.out());
    assertTrue(unpinned.out().contains("[UNPINNED]"), unpinned.out());
    assertTrue(unpinned.out().contains(key), "prints the key it saw: " + unpinned.out());
    assertTrue(unpinned.out().contains("HOLDS, BUT THE LOG KEY IS NOT PINNED"), unpinned.out());
    assertFalse(unpinned.out().contains("RESULT: VERIFIED"), unpinned.out());
  }

  @Test
  void wrongUsageOfVerifyIsUnusable() throws Exception {
    String bundle = bundle(log.bundle(5));
    for (String[] args :
        new String[][] {
          {"verify", bundle, "--key", "not a key"},
          {"verify", bundle, "--key"},
          {"verify", bundle, "--key-file", "/no/such/key"},
          {"verify", bundle, "--digest", "00"},
          {"verify", bundle, "--headers", "/no/such/headers"},
          {"verify", bundle, "--checkpoint", "1:00"},
          {"verify", bundle, "--frobnicate"},
          {"verify-package", dir.toString(), "--file", bundle}
        }) {
      Result r = VerifierCliTest.run("", args);
      assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void theHelpDocumentsTheExitCodes() {
    Result help = VerifierCliTest.run("", "--help");
    assertEquals(0, help.code());
    for (String line :
        List.of(
            "exit codes:",
            "0  verified",
            "1  not verified",
            "2  unusable",
            "3  holds, but the log key is not pinned",
            "--require-anchor",
            "--key-file",
            "--checkpoint HEIGHT:HASH",
            "ots-info",
            "ots-verify")) assertTrue(help.out().contains(line), line + " in:\n" + help.out());
  }

  @Test
  void aBundleReSignedWithAnotherKeyIsNeverVerified() throws Exception {
    TestLog forged = new TestLog(13, NoteKey.generate("test.example/log", new SecureRandom()));
    String bundle = bundle(forged.bundle(5));
    String file = write("doc.pdf", forged.files.get(5));
    Result unpinned = VerifierCliTest.run("", "verify", bundle, file);
    assertEquals(3, unpinned.code(), "holds only against the key it names: " + unpinned.out());
    Result pinned = VerifierCliTest.run("", "verify", bundle, file, "--key", key);
    assertEquals(1, pinned.code(), pinned.out());
    assertTrue(pinned.out().contains("NOT VERIFIED (log key)"), pinned.out());
  }

  @Test
  void everyTamperedBundleFailsWithOrWithoutAKey() throws Exception {
    String json = log.bundle(5).toJson();
    String file = write("doc.pdf", log.files.get(5));
    for (Map.Entry<String, UnaryOperator<Map<String, Object>>> t :
        BundleTampers.of(log).entrySet()) {
      String bundle = write("tampered.json", BundleTampers.apply(json, t.getValue()));
      for (List<String> keyArgs : List.<List<String>>of(List.of(), List.of("--key", key))) {
        List<String> args = new ArrayList<>(List.of("verify", bundle, file));
        args.addAll(keyArgs);
        Result r = VerifierCliTest.run("", args.toArray(String[]::new));
        assertEquals(1, r.code(), t.getKey() + " " + keyArgs + ": " + r.out());
        // Unpinned, a swapped key is caught by the signature it cannot have made.
        String step =
            t.getKey().equals("log key") && keyArgs.isEmpty()
                ? "checkpoint signature"
                : t.getKey().strip();
        assertTrue(r.out().contains("NOT VERIFIED (" + step + ")"), t.getKey() + ": " + r.out());
      }
    }
  }

  @Test
  void unknownDuplicatedAndMissingMembersAreUnusableAndNamed() throws Exception {
    String json = log.bundle(5).toJson();
    Map<String, String> cases =
        Map.of(
            json.replace("\"consistency\":", "\"consistencyy\":"),
            "unknown member bundle.consistencyy",
            json.replace("\"leafIndex\":5", "\"leafIndex\":5,\"leafIndex\":5"),
            "duplicate key \"leafIndex\"",
            json.replaceFirst("\"logKey\":\"[^\"]*\",", ""),
            "missing member bundle.logKey");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Result r = VerifierCliTest.run("", "verify", write("b.json", c.getKey()), "--key", key);
      assertEquals(2, r.code(), r.out() + r.err());
      assertTrue(r.err().contains(c.getValue()), r.err());
      assertFalse(r.out().contains("RESULT"), r.out());
    }
  }

  @Test
  void aBundleThatIsNotUtf8IsUnusableWithAClearMessage() throws Exception {
    byte[] json = log.bundle(5).toJson().getBytes(StandardCharsets.UTF_8);
    byte[] bad = json.clone();
    int at = new String(json, StandardCharsets.UTF_8).indexOf("test.example");
    bad[at] = (byte) 0xff;
    Result r = VerifierCliTest.run("", "verify", write("latin.json", bad), "--key", key);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("is not UTF-8 text: byte " + at + " (0xff)"), r.err());
    assertFalse(r.err().contains("Input length"), r.err());

    Result keyFile =
        VerifierCliTest.run(
            "",
            "verify",
            bundle(log.bundle(5)),
            "--key-file",
            write("k", new byte[] {(byte) 0xc3, 0x28}));
    assertEquals(2, keyFile.code(), keyFile.err());
    assertTrue(keyFile.err().contains("is not UTF-8 text"), keyFile.err());
    Result headers =
        VerifierCliTest.run(
            "",
            "verify",
            bundle(log.bundle(5)),
            "--headers",
            write("h.txt", new byte[] {'1', ' ', (byte) 0xe9}));
    assertEquals(2, headers.code(), headers.err());
    assertTrue(headers.err().contains("is not UTF-8 text"), headers.err());
  }

  // The timestamp step: every kind of proof, with and without --require-anchor.

  private byte[] checkpointDigest(ProofBundle b) {
    return Hash.sha256(b.checkpoint().getBytes(StandardCharsets.UTF_8)).bytes();
  }

  private ProofBundle anchored(ProofBundle b, Attestation a) {
    byte[] d = checkpointDigest(b);
    byte[] ots =
        new DetachedTimestampFile(OpKind.SHA256, Timestamp.of(d).withAttestation(a)).serialize();
    return new ProofBundle(
        b.contentKind(),
        b.contentHash(),
        b.saltBase64(),
        b.record(),
        b.entry(),
        b.leafIndex(),
        b.treeSize(),
        b.inclusionProof(),
        b.checkpoint(),
        b.logKey(),
        b.consistency(),
        Base64.getEncoder().encodeToString(ots),
        null);
  }

  private String headersFile(long height, BlockHeader h) throws Exception {
    return write("headers.txt", height + " " + HexFormat.of().formatHex(h.bytes()) + "\n");
  }

  private Result verify(ProofBundle b, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("verify", bundle(b), "--key", key));
    args.addAll(List.of(more));
    return VerifierCliTest.run("", args.toArray(String[]::new));
  }

  private static void assertStep(Result r, String outcome, String detail) {
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("[" + outcome + "]") && l.contains("timestamp")),
        "expected [" + outcome + "] timestamp:\n" + r.out());
    assertTrue(r.out().contains(detail), "expected \"" + detail + "\" in:\n" + r.out());
    assertFalse(r.out().contains("[SKIPPED]      timestamp"), r.out());
  }

  @Test
  void aBundleWithoutATimestampIsPendingAndFailsWhenAnAnchorIsRequired() throws Exception {
    Result lenient = verify(log.bundle(5));
    assertEquals(0, lenient.code(), lenient.out());
    assertStep(lenient, "PENDING", "not anchored");
    Result strict = verify(log.bundle(5), "--require-anchor");
    assertEquals(1, strict.code(), strict.out());
    assertStep(strict, "FAIL", "a Bitcoin anchor is required");
  }

  @Test
  void aPendingProofIsReportedAsPendingAtItsCalendar() throws Exception {
    ProofBundle b = anchored(log.bundle(5), new PendingAttestation("https://a.example"));
    Result lenient = verify(b);
    assertEquals(0, lenient.code(), lenient.out());
    assertStep(lenient, "PENDING", "pending at 1 calendar (https://a.example)");
    assertEquals(1, verify(b, "--require-anchor").code());
  }

  @Test
  void otherNotariesAreNamedForWhatTheyAre() throws Exception {
    ProofBundle litecoin = anchored(log.bundle(5), new LitecoinAttestation(2_000_000));
    Result l = verify(litecoin);
    assertEquals(0, l.code(), l.out());
    assertStep(l, "UNCONFIRMED", "Litecoin block 2000000: not a Bitcoin anchor");
    assertFalse(l.out().contains("0 calendar"), l.out());
    assertEquals(1, verify(litecoin, "--require-anchor").code());

    ProofBundle unknown =
        anchored(
            log.bundle(5),
            new UnknownAttestation(HexFormat.of().parseHex("0102030405060708"), new byte[] {1}));
    Result u = verify(unknown);
    assertEquals(0, u.code(), u.out());
    assertStep(u, "UNCONFIRMED", "unknown notary (tag 0102030405060708)");
    assertFalse(u.out().contains("0 calendar"), u.out());
    assertEquals(1, verify(unknown, "--require-anchor").code());
  }

  @Test
  void aBitcoinBlockCountsOnlyWhenItsHeaderIsConfirmed() throws Exception {
    ProofBundle b = anchored(log.bundle(5), new BitcoinAttestation(7));
    BlockHeader header = TestBlocks.mine(checkpointDigest(log.bundle(5)), 1_700_000_000L);
    String headers = headersFile(7, header);

    Result noHeader = verify(b);
    assertEquals(0, noHeader.code(), noHeader.out());
    assertStep(noHeader, "UNCONFIRMED", "Bitcoin block 7 claimed, not confirmed");
    assertEquals(1, verify(b, "--require-anchor").code());

    // A header alone proves only work; it counts once linked to a trusted one or a --checkpoint.
    Result unlinked = verify(b, "--headers", headers);
    assertEquals(0, unlinked.code(), unlinked.out());
    assertStep(unlinked, "UNCONFIRMED", "do not link to a trusted block");
    assertEquals(1, verify(b, "--headers", headers, "--require-anchor").code());

    Result pinned =
        verify(
            b,
            "--headers",
            headers,
            "--checkpoint",
            "7:" + header.blockHashHex(),
            "--require-anchor");
    assertEquals(0, pinned.code(), pinned.out());
    assertStep(pinned, "PASS", "existed by Bitcoin block 7 (" + header.blockHashHex() + ")");
    // A header that contradicts the pin is evidence against the claim: a failure even when no
    // anchor is required.
    Result otherPin = verify(b, "--headers", headers, "--checkpoint", "7:" + "00".repeat(32));
    assertEquals(1, otherPin.code(), otherPin.out());
    assertStep(otherPin, "FAIL", "is not the trusted block");

    BlockHeader otherBlock = TestBlocks.mine(new byte[32], 1_700_000_000L);
    Result mismatch =
        verify(
            b,
            "--headers",
            headersFile(7, otherBlock),
            "--checkpoint",
            "7:" + otherBlock.blockHashHex());
    assertEquals(1, mismatch.code(), mismatch.out());
    assertStep(mismatch, "FAIL", "is not the merkle root");
  }

  @Test
  void aProofOfAnotherCheckpointFails() throws Exception {
    ProofBundle elsewhere =
        anchored(new TestLog(12).bundle(5), new PendingAttestation("https://a.example"));
    ProofBundle b = log.bundle(5);
    ProofBundle swapped =
        new ProofBundle(
            b.contentKind(),
            b.contentHash(),
            null,
            null,
            b.entry(),
            b.leafIndex(),
            b.treeSize(),
            b.inclusionProof(),
            b.checkpoint(),
            b.logKey(),
            b.consistency(),
            elsewhere.otsBase64(),
            null);
    Result r = verify(swapped);
    assertEquals(1, r.code(), r.out());
    assertStep(r, "FAIL", "not SHA-256 of the checkpoint");
  }
}
