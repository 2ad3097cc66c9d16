package org.trialledger.ledger.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.bundle.VerificationReport.Outcome;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;
import org.trialledger.ledger.witness.CosignerKey;

/**
 * A bundle's checkpoint is the cosigned note (the log's signature line, then the witnesses'
 * cosignature/v1 lines): the verifier counts only valid lines by the witnesses it was given, and
 * any mutation of a line makes it not count.
 */
class BundleWitnessTest {
  private final TestLog log = new TestLog(9);
  private final CosignerKey a = witness("a.example/witness", 1);
  private final CosignerKey b = witness("b.example/witness", 2);
  private final CosignerKey c = witness("c.example/witness", 3);

  static CosignerKey witness(String name, int seed) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) seed);
    return CosignerKey.signer(name, s);
  }

  private String body(long size) {
    String note = log.checkpoint(size);
    return note.substring(0, note.lastIndexOf("\n\n") + 1);
  }

  /** The bundle of leaf 4 with the checkpoint cosigned by {@code lines}. */
  private ProofBundle cosigned(String... lines) {
    ProofBundle p = log.bundle(4);
    return new ProofBundle(
        p.contentKind(),
        p.contentHash(),
        null,
        null,
        p.entry(),
        p.leafIndex(),
        p.treeSize(),
        p.inclusionProof(),
        p.checkpoint() + String.join("", lines),
        p.logKey(),
        p.consistency(),
        null,
        null);
  }

  private VerificationReport verify(ProofBundle bundle, int min, CosignerKey... trusted) {
    List<CosignerKey> keys = new ArrayList<>();
    for (CosignerKey k : trusted) keys.add(k.verifier());
    return BundleVerifier.verify(
        ProofBundle.parse(bundle.toJson()),
        Optional.of(log.files.get(4)),
        TestLog.pinned(),
        Optional.empty(),
        false,
        new WitnessRequirement(keys, min));
  }

  private static VerificationReport.Step witnessStep(VerificationReport r) {
    return r.step("witnesses").orElseThrow();
  }

  @Test
  void enoughOfTheTrustedWitnessesPassAndAreNamed() {
    ProofBundle bundle = cosigned(a.cosign(body(9), 1000), b.cosign(body(9), 1001));
    VerificationReport r = verify(bundle, 2, a, b, c);
    assertTrue(r.verified(), r.toString());
    String detail = witnessStep(r).detail();
    assertTrue(detail.startsWith("2 of 3 witnesses cosigned, at least 2 required"), detail);
    assertTrue(detail.contains("a.example/witness+" + a.keyIdHex()), detail);
    assertTrue(detail.contains("no cosignature by c.example/witness"), detail);
  }

  @Test
  void tooFewFailsNamingWhoWasFoundAndWhoNot() {
    ProofBundle bundle = cosigned(a.cosign(body(9), 1000));
    VerificationReport r = verify(bundle, 2, a, b);
    assertFalse(r.holds());
    assertEquals("witnesses", r.firstFailure().orElseThrow().name());
    String detail = witnessStep(r).detail();
    assertTrue(detail.contains("1 of 2 witnesses cosigned, at least 2 required"), detail);
    assertTrue(detail.contains("cosigned by a.example/witness"), detail);
    assertTrue(detail.contains("no cosignature by b.example/witness"), detail);
  }

  @Test
  void aWitnessNotTrustedDoesNotCount() {
    ProofBundle bundle = cosigned(c.cosign(body(9), 1000));
    VerificationReport r = verify(bundle, 1, a);
    assertEquals(Outcome.FAIL, witnessStep(r).outcome(), r.toString());
  }

  @Test
  void everyMutatedByteOfACosignatureMakesItNotCount() {
    String line = a.cosign(body(9), 1000);
    String prefix = line.substring(0, line.lastIndexOf(' ') + 1);
    byte[] payload = Base64.getDecoder().decode(line.substring(prefix.length()).strip());
    assertEquals(76, payload.length);
    for (int i = 0; i < payload.length; i++) {
      for (int bit : new int[] {0, 7}) {
        byte[] m = payload.clone();
        m[i] ^= (byte) (1 << bit);
        String mutated = prefix + Base64.getEncoder().encodeToString(m) + "\n";
        VerificationReport r = verify(cosigned(mutated), 1, a);
        assertEquals(
            Outcome.FAIL, witnessStep(r).outcome(), "byte " + i + " bit " + bit + "\n" + r);
        assertEquals(Outcome.PASS, r.step("checkpoint signature").orElseThrow().outcome());
      }
    }
  }

  @Test
  void truncatedRenamedOrMovedCosignaturesDoNotCount() {
    String good = a.cosign(body(9), 1000);
    String prefix = good.substring(0, good.lastIndexOf(' ') + 1);
    byte[] payload = Base64.getDecoder().decode(good.substring(prefix.length()).strip());
    List<String> bad =
        List.of(
            prefix + Base64.getEncoder().encodeToString(Arrays.copyOf(payload, 75)) + "\n",
            prefix + Base64.getEncoder().encodeToString(Arrays.copyOf(payload, 77)) + "\n",
            good.replace("a.example/witness", "b.example/witness"),
            a.cosign(body(8), 1000)); // a cosignature of another checkpoint of the same log
    for (String line : bad) {
      VerificationReport r = verify(cosigned(line), 1, a);
      assertEquals(Outcome.FAIL, witnessStep(r).outcome(), line + r);
    }
  }

  @Test
  void anInvalidLineByATrustedWitnessFailsEvenWithEnoughOthers() {
    String forged = a.cosign(body(8), 1000);
    ProofBundle bundle = cosigned(forged, b.cosign(body(9), 1000));
    VerificationReport r = verify(bundle, 1, a, b);
    assertEquals(Outcome.FAIL, witnessStep(r).outcome(), r.toString());
    assertTrue(witnessStep(r).detail().contains("invalid cosignature by a.example/witness"));
  }

  @Test
  void withoutWitnessKeysCosignaturesAreReportedNotChecked() {
    ProofBundle bundle = cosigned(a.cosign(body(9), 1000), b.cosign(body(9), 1000));
    VerificationReport r =
        BundleVerifier.verify(
            ProofBundle.parse(bundle.toJson()), Optional.of(log.files.get(4)), TestLog.pinned());
    assertTrue(r.verified(), r.toString());
    assertEquals(Outcome.SKIPPED, witnessStep(r).outcome());
    assertTrue(witnessStep(r).detail().startsWith("2 cosignature line(s)"));
  }

  @Test
  void theTimestampIsCheckedOverTheNoteTheLogSignedWithoutCosignatures() {
    List<String> seen = new ArrayList<>();
    TimestampCheck capture =
        (note, ots, tsr) -> {
          seen.add(note);
          return new TimestampCheck.Result(Outcome.PENDING, "captured");
        };
    ProofBundle p = cosigned(a.cosign(body(9), 1000));
    ProofBundle anchored =
        new ProofBundle(
            p.contentKind(),
            p.contentHash(),
            null,
            null,
            p.entry(),
            p.leafIndex(),
            p.treeSize(),
            p.inclusionProof(),
            p.checkpoint(),
            p.logKey(),
            p.consistency(),
            "AA==",
            null);
    BundleVerifier.verify(anchored, Optional.empty(), TestLog.pinned(), Optional.of(capture));
    assertEquals(List.of(log.checkpoint(9)), seen);
  }

  @Test
  void signedByKeepsExactlyTheLogsLines() throws Exception {
    String plain = log.checkpoint(9);
    String note = plain + a.cosign(body(9), 5) + b.cosign(body(9), 6);
    assertEquals(plain, SignedNote.signedBy(note, TestLog.KEY.verifier()));
    assertThrows(
        SignedNote.NoteException.class,
        () -> SignedNote.signedBy(note, NoteKey.signer("other/log", new byte[32]).verifier()));
  }

  @Test
  void theSameKeyTwiceCountsOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WitnessRequirement(List.of(a.verifier(), a.verifier()), 2));
    assertTrue(e.getMessage().contains("distinct witness keys given (1)"), e.getMessage());
  }
}
