package org.trialledger.ledger.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
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
    Map<String, UnaryOperator<Map<String, Object>>> tampers =
        Map.of(
            "content",
                m ->
                    put(
                        m,
                        "content",
                        Map.of("kind", "HASH", "hash", Hash.sha256("other".getBytes()).hex())),
            "entry", m -> put(m, "entry", flipHex((String) m.get("entry"), 20)),
            "inclusion", m -> put(m, "leafIndex", 6L),
            "inclusion ",
                m -> put(m, "inclusionProof", flipFirst((List<?>) m.get("inclusionProof"))),
            "checkpoint", m -> put(m, "treeSize", 12L),
            "checkpoint signature",
                m ->
                    put(
                        m,
                        "checkpoint",
                        ((String) m.get("checkpoint")).replace("\n13\n", "\n14\n")),
            "log key",
                m ->
                    put(
                        m,
                        "logKey",
                        NoteKey.generate("test.example/log", new SecureRandom()).verifierKey()),
            "consistency",
                m ->
                    put(
                        m,
                        "consistency",
                        List.of(Map.of("checkpoint", log.checkpoint(3), "proof", List.of()))));
    tampers.forEach(
        (expectedStep, tamper) -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) JsonParser.parse(json);
          ProofBundle b = ProofBundle.parse(CanonicalJson.write(tamper.apply(m)));
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

  private static Map<String, Object> put(Map<String, Object> m, String key, Object value) {
    m.put(key, value);
    return m;
  }

  private static String flipHex(String hex, int at) {
    char c = hex.charAt(at);
    return hex.substring(0, at) + (c == '0' ? '1' : '0') + hex.substring(at + 1);
  }

  private static List<Object> flipFirst(List<?> proof) {
    List<Object> out = new ArrayList<>(proof);
    out.set(0, flipHex((String) proof.get(0), 10));
    return out;
  }
}
