package org.trialledger.ledger.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.ledger.note.NoteKey;

class BundleVerifierTest {
  private final TestLog log = new TestLog(13);

  @Test
  void aGenuineBundleVerifiesWithAndWithoutItsFile() {
    for (int i = 0; i < 13; i++) {
      ProofBundle b = ProofBundle.parse(log.bundle(i).toJson());
      VerificationReport r =
          BundleVerifier.verify(b, Optional.of(log.files.get(i)), TestLog.pinned());
      assertTrue(r.holds(), r.toString());
      assertTrue(BundleVerifier.verify(b, Optional.empty(), Optional.empty()).holds());
    }
  }

  @Test
  void aChangedByteOfTheFileFailsTheContentStep() {
    byte[] file = log.files.get(4).clone();
    file[0] ^= 1;
    VerificationReport r =
        BundleVerifier.verify(log.bundle(4), Optional.of(file), TestLog.pinned());
    assertEquals("content", r.firstFailure().orElseThrow().name());
  }

  @Test
  void everyTamperedFieldIsCaughtAndNamed() {
    String json = log.bundle(5).toJson();
    Map<String, UnaryOperator<Map<String, Object>>> tampers = BundleTampers.of(log);
    tampers.forEach(
        (expectedStep, tamper) -> {
          ProofBundle b = ProofBundle.parse(BundleTampers.apply(json, tamper));
          VerificationReport r =
              BundleVerifier.verify(b, Optional.of(log.files.get(5)), TestLog.pinned());
          assertFalse(r.holds(), expectedStep + " was not caught:\n" + r);
          assertTrue(
              r.steps().stream()
                  .anyMatch(
                      s ->
                          s.outcome() == VerificationReport.Outcome.FAIL
                              && s.name().equals(expectedStep.strip())),
              "expected a failing " + expectedStep + " step:\n" + r);
        });
  }

  @Test
  void aCommitmentVerifiesFromSaltAndRecordAndFailsWithoutTheRightSalt() {
    Map<String, Object> record =
        Map.of("schema", "trialledger.consent/1", "subject", "P-0001", "consented", true);
    Commitment c = Commitment.commit(record, new SecureRandom());
    ProofBundle genuine = log.bundle(2);
    ProofBundle b =
        new ProofBundle(
            "COMMITMENT",
            c.value(),
            c.saltBase64(),
            record,
            genuine.entry(),
            2,
            13,
            genuine.inclusionProof(),
            genuine.checkpoint(),
            genuine.logKey(),
            List.of(),
            null,
            null);
    VerificationReport r =
        BundleVerifier.verify(ProofBundle.parse(b.toJson()), Optional.empty(), Optional.empty());
    assertEquals(VerificationReport.Outcome.PASS, r.steps().get(0).outcome(), r.toString());
    ProofBundle wrongSalt =
        new ProofBundle(
            "COMMITMENT",
            c.value(),
            Base64.getEncoder().encodeToString(new byte[32]),
            record,
            genuine.entry(),
            2,
            13,
            genuine.inclusionProof(),
            genuine.checkpoint(),
            genuine.logKey(),
            List.of(),
            null,
            null);
    assertEquals(
        "content",
        BundleVerifier.verify(wrongSalt, Optional.empty(), Optional.empty())
            .firstFailure()
            .orElseThrow()
            .name());
  }

  @Test
  void malformedBundlesAreRefusedWithTheFieldNamed() {
    String json = log.bundle(1).toJson();
    ProofBundle.MalformedBundleException e =
        assertThrows(
            ProofBundle.MalformedBundleException.class,
            () -> ProofBundle.parse(json.replace("\"treeSize\":13", "\"treeSize\":\"13\"")));
    assertTrue(e.getMessage().contains("treeSize"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProofBundle.parse(json + "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProofBundle.parse(json.replace(ProofBundle.FORMAT, "other/1")));
    assertThrows(IllegalArgumentException.class, () -> ProofBundle.parse("{}"));
  }

  @Test
  void anUnknownMemberAtAnyLevelIsRefusedByName() {
    String json = log.bundle(1).toJson();
    Map<String, String> renamed =
        Map.of(
            "\"consistency\":", "bundle.consistencyy",
            "\"kind\":", "bundle.content.kindd",
            "\"proof\":", "bundle.consistency[0].prooff");
    renamed.forEach(
        (member, named) -> {
          String changed =
              json.replaceFirst(
                  member, member.replace("\":", named.substring(named.length() - 1) + "\":"));
          ProofBundle.MalformedBundleException e =
              assertThrows(
                  ProofBundle.MalformedBundleException.class, () -> ProofBundle.parse(changed));
          assertTrue(e.getMessage().contains("unknown member " + named), e.getMessage());
        });
    String extraTimestamp =
        json.substring(0, json.length() - 1) + ",\"timestamps\":{\"ots\":\"AA==\",\"btc\":1}}";
    assertTrue(
        assertThrows(
                ProofBundle.MalformedBundleException.class, () -> ProofBundle.parse(extraTimestamp))
            .getMessage()
            .contains("unknown member bundle.timestamps.btc"));
  }

  @Test
  void aDuplicatedOrMissingMemberIsRefusedByName() {
    String json = log.bundle(1).toJson();
    String duplicated = json.replace("\"treeSize\":13", "\"treeSize\":13,\"treeSize\":13");
    assertTrue(
        assertThrows(
                ProofBundle.MalformedBundleException.class, () -> ProofBundle.parse(duplicated))
            .getMessage()
            .contains("duplicate key \"treeSize\""));
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) JsonParser.parse(json);
    for (String required :
        List.of("format", "content", "entry", "leafIndex", "treeSize", "inclusionProof")) {
      Map<String, Object> without = new LinkedHashMap<>(m);
      without.remove(required);
      String text = CanonicalJson.write(without);
      assertTrue(
          assertThrows(ProofBundle.MalformedBundleException.class, () -> ProofBundle.parse(text))
              .getMessage()
              .contains("missing member bundle." + required),
          required);
    }
  }

  @Test
  void withoutAPinnedKeyTheBundleHoldsButIsNotVerified() {
    VerificationReport r =
        BundleVerifier.verify(log.bundle(3), Optional.of(log.files.get(3)), Optional.empty());
    assertTrue(r.holds(), r.toString());
    assertFalse(r.verified(), r.toString());
    assertEquals(VerificationReport.Outcome.UNPINNED, r.step("log key").orElseThrow().outcome());
    assertTrue(r.toString().contains(TestLog.KEY.verifierKey()), r.toString());
    assertTrue(r.toString().contains("RESULT: HOLDS, BUT THE LOG KEY IS NOT PINNED"));

    TestLog forged = new TestLog(13, NoteKey.generate("test.example/log", new SecureRandom()));
    VerificationReport unpinned =
        BundleVerifier.verify(forged.bundle(3), Optional.of(forged.files.get(3)), Optional.empty());
    assertFalse(unpinned.verified(), "a forged key is never VERIFIED without a pin");
    assertEquals(
        "log key",
        BundleVerifier.verify(forged.bundle(3), Optional.empty(), TestLog.pinned())
            .firstFailure()
            .orElseThrow()
            .name());
  }

  @Test
  void aTimestampNotYetInBitcoinIsPendingAndFailsOnlyWhenAnAnchorIsRequired() {
    ProofBundle b = log.bundle(2);
    VerificationReport lenient =
        BundleVerifier.verify(b, Optional.empty(), TestLog.pinned(), Optional.empty(), false);
    assertEquals(
        VerificationReport.Outcome.PENDING, lenient.step("timestamp").orElseThrow().outcome());
    assertTrue(lenient.verified(), lenient.toString());
    VerificationReport strict =
        BundleVerifier.verify(b, Optional.empty(), TestLog.pinned(), Optional.empty(), true);
    assertEquals("timestamp", strict.firstFailure().orElseThrow().name(), strict.toString());
  }
}
