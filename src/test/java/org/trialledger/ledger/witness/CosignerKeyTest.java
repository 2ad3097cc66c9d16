package org.trialledger.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;

/**
 * cosignature/v1 per c2sp.org/tlog-cosignature, rebuilt here from the spec's own definitions (key
 * id, signed message, timestamped_signature) rather than through the class under test.
 */
class CosignerKeyTest {
  private static final CosignerKey KEY =
      CosignerKey.signer("witness.example/w1", LogFixture.seed(9));
  private static final String BODY =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  @Test
  void keyIdIsSha256OfNameNewlineType4AndPublicKey() {
    byte[] pub = publicKey(KEY);
    byte[] expected =
        Arrays.copyOf(
            Hash.sha256(
                    "witness.example/w1\n".getBytes(StandardCharsets.UTF_8), new byte[] {4}, pub)
                .bytes(),
            4);
    assertEquals(HexFormat.of().formatHex(expected), KEY.keyIdHex());
  }

  @Test
  void signsTheSpecMessageWithATimestampedSignature() {
    String line = KEY.cosign(BODY, 1679315147L);
    assertTrue(line.startsWith("\u2014 witness.example/w1 ") && line.endsWith("\n"));
    byte[] payload = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());
    assertEquals(4 + 8 + 64, payload.length);
    assertEquals(KEY.keyIdHex(), HexFormat.of().formatHex(payload, 0, 4));
    assertEquals(1679315147L, ByteBuffer.wrap(payload, 4, 8).getLong());
    // the message exactly as the spec spells it out
    byte[] message =
        ("cosignature/v1\ntime 1679315147\n"
                + "example.com/behind-the-sofa\n20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")
            .getBytes(StandardCharsets.UTF_8);
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(publicKey(KEY), 0));
    v.update(message, 0, message.length);
    assertTrue(v.verifySignature(Arrays.copyOfRange(payload, 12, 76)));
  }

  @Test
  void verifiesItsOwnLineIgnoresOthersAndRefusesAChangedOne() {
    String line = KEY.cosign(BODY, 42).strip();
    CosignerKey verifier = CosignerKey.parseVerifier(KEY.verifierKey());
    assertEquals(OptionalLong.of(42), verifier.verify(BODY, line));
    CosignerKey other = CosignerKey.signer("witness.example/w2", LogFixture.seed(10));
    assertEquals(OptionalLong.empty(), other.verify(BODY, line));
    assertThrows(
        IllegalArgumentException.class, () -> verifier.verify(BODY.replace('8', '9'), line));
    // the timestamp is signed: moving it breaks the signature
    byte[] payload = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
    payload[11] ^= 1;
    String moved = "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(payload);
    assertThrows(IllegalArgumentException.class, () -> verifier.verify(BODY, moved));
  }

  @Test
  void keyTextsRoundTripAndAreNotNoteKeys() {
    CosignerKey parsed = CosignerKey.parseSigner(KEY.signerKey());
    assertEquals(KEY.verifierKey(), parsed.verifierKey());
    assertTrue(KEY.verifierKey().startsWith("witness.example/w1+" + KEY.keyIdHex() + "+"));
    assertEquals(4, Base64.getDecoder().decode(KEY.verifierKey().split("\\+")[2])[0]);
    // a log's Ed25519 note key (type 0x01) is not a cosigner key
    assertThrows(
        IllegalArgumentException.class,
        () -> CosignerKey.parseVerifier(LogFixture.KEY.verifierKey()));
    String wrongId = KEY.verifierKey().replace(KEY.keyIdHex(), "00000000");
    assertThrows(IllegalArgumentException.class, () -> CosignerKey.parseVerifier(wrongId));
  }

  @Test
  void findsItsCosignatureInANoteAmongOthers() {
    String note =
        new LogFixture().grow(3, "main").checkpoint(3)
            + CosignerKey.signer("other.example/w", LogFixture.seed(3)).cosign(body(), 5)
            + KEY.cosign(body(), 77);
    assertEquals(OptionalLong.of(77), KEY.verifier().verifyIn(note));
  }

  private static String body() {
    String note = new LogFixture().grow(3, "main").checkpoint(3);
    return note.substring(0, note.lastIndexOf("\n\n") + 1);
  }

  private static byte[] publicKey(CosignerKey key) {
    byte[] raw = Base64.getDecoder().decode(key.verifierKey().split("\\+")[2]);
    return Arrays.copyOfRange(raw, 1, 33);
  }
}
