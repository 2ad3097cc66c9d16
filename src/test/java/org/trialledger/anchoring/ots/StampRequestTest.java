package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.TestBlocks;

class StampRequestTest {
  static final byte[] DIGEST = sha256("checkpoint root");

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A calendar's answer as real ones look: a few ops, then a pending attestation naming the
   * calendar.
   */
  static Timestamp pendingAnswer(byte[] commitment, String calendar) {
    byte[] calendarId = calendar.getBytes(StandardCharsets.US_ASCII);
    List<Op> ops = List.of(Op.prepend(new byte[] {1, 2, 3, 4}), Op.append(calendarId), Op.sha256());
    byte[] end = commitment;
    for (Op op : ops) end = op.apply(end);
    return Timestamp.path(
        commitment, ops, Timestamp.of(end).withAttestation(new PendingAttestation(calendar)));
  }

  @Test
  void theCommitmentIsTheDigestWithANonceHashed() {
    byte[] nonce = new byte[16];
    nonce[3] = 1;
    StampRequest r = StampRequest.withNonce(OpKind.SHA256, DIGEST, nonce);
    byte[] joined = Arrays.copyOf(DIGEST, 48);
    System.arraycopy(nonce, 0, joined, 32, 16);
    assertArrayEquals(Op.sha256().apply(joined), r.commitment());
    SecureRandom random = new SecureRandom();
    assertNotEquals(
        HexFormat.of().formatHex(StampRequest.forSha256(DIGEST, random).commitment()),
        HexFormat.of().formatHex(StampRequest.forSha256(DIGEST, random).commitment()));
  }

  @Test
  void twoCalendarAnswersMakeAPendingProofThatUpgradesToBitcoin() throws Exception {
    StampRequest r = StampRequest.forSha256(DIGEST, new SecureRandom());
    DetachedTimestampFile proof =
        r.proof(
            List.of(
                pendingAnswer(r.commitment(), "https://a.example"),
                pendingAnswer(r.commitment(), "https://b.example")));
    byte[] bytes = proof.serialize();
    assertEquals(proof, DetachedTimestampFile.parse(bytes));
    assertArrayEquals(DIGEST, proof.fileDigest());
    List<DetachedTimestampFile.PendingCommitment> pending = proof.pendingCommitments();
    assertEquals(2, pending.size());

    // Calendar a confirms: its commitment → (a transaction, a merkle path) → merkle root in block
    // 800000.
    byte[] at = pending.get(0).commitment();
    List<Op> path =
        List.of(
            Op.prepend(new byte[] {7}),
            Op.sha256(),
            Op.sha256(),
            Op.append(new byte[32]),
            Op.sha256(),
            Op.sha256());
    byte[] root = at;
    for (Op op : path) root = op.apply(root);
    Timestamp upgrade =
        Timestamp.path(
            at, path, Timestamp.of(root).withAttestation(new BitcoinAttestation(800000)));
    DetachedTimestampFile upgraded =
        DetachedTimestampFile.parse(proof.mergeAt(upgrade).serialize());
    assertEquals(
        2,
        upgraded.pendingCommitments().size(),
        "pending attestations are kept, as the reference does");

    BlockHeader header = TestBlocks.mine(root, 1_700_000_000L);
    VerificationReport report =
        new TimestampVerifier(
                h -> h == 800000 ? Optional.of(header) : Optional.empty(), TestBlocks.EASY_LIMIT)
            .verify(upgraded, DIGEST);
    assertTrue(report.isConfirmed());
    assertEquals(800000, report.earliestBitcoin().orElseThrow().height());
    assertFalse(
        new TimestampVerifier(h -> Optional.of(header)).verify(upgraded, DIGEST).isConfirmed(),
        "mainnet limit");
  }

  @Test
  void noAnswerMeansNoProof() {
    StampRequest r = StampRequest.forSha256(DIGEST, new SecureRandom());
    assertThrows(IllegalArgumentException.class, () -> r.proof(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> r.proof(List.of(pendingAnswer(DIGEST, "https://a.example"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> StampRequest.forSha256(new byte[20], new SecureRandom()));
  }

  @Test
  void anUpgradeForAMessageNotInTheProofIsRefused() {
    StampRequest r = StampRequest.forSha256(DIGEST, new SecureRandom());
    DetachedTimestampFile proof =
        r.proof(List.of(pendingAnswer(r.commitment(), "https://a.example")));
    Timestamp stray = Timestamp.of(new byte[32]).withAttestation(new BitcoinAttestation(1));
    assertThrows(IllegalArgumentException.class, () -> proof.mergeAt(stray));
  }
}
