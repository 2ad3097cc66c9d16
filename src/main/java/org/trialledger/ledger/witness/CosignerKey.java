package org.trialledger.ledger.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.trialledger.ledger.note.KeyText;

/**
 * A witness's Ed25519 key for C2SP {@code cosignature/v1}. Unlike a log's note key (type 0x01) its
 * key id is the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key), and it signs {@code
 * "cosignature/v1\ntime T\n"} followed by the checkpoint body; the signature line carries
 * base64(key id ‖ u64 big-endian T ‖ signature). Its verifier key text is {@code
 * name+hexid+base64(0x04 ‖ pub)}, its signer key text {@code PRIVATE+KEY+name+hexid+base64(0x04 ‖
 * seed)}.
 */
public final class CosignerKey {
  static final byte ALG_COSIGNATURE_V1 = 0x04;
  private static final String DASH = "\u2014 ";
  private static final String PRIVATE = "PRIVATE+KEY+";

  private final String name;
  private final Ed25519PublicKeyParameters publicKey;
  private final Ed25519PrivateKeyParameters privateKey; // null for a verifier key
  private final byte[] keyId;

  private CosignerKey(
      String name, Ed25519PublicKeyParameters publicKey, Ed25519PrivateKeyParameters privateKey) {
    KeyText.requireName(name);
    this.name = name;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.keyId = KeyText.keyId(name, ALG_COSIGNATURE_V1, publicKey.getEncoded());
  }

  /** A signer key from its 32-byte Ed25519 seed. */
  public static CosignerKey signer(String name, byte[] seed) {
    if (seed.length != 32) throw new IllegalArgumentException("An Ed25519 seed is 32 bytes");
    Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(seed, 0);
    return new CosignerKey(name, priv.generatePublicKey(), priv);
  }

  public static CosignerKey generate(String name, SecureRandom random) {
    Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(random);
    return new CosignerKey(name, priv.generatePublicKey(), priv);
  }

  public static CosignerKey parseSigner(String text) {
    if (!text.startsWith(PRIVATE))
      throw new IllegalArgumentException("A signer key starts with " + PRIVATE);
    String[] parts = KeyText.split(text.substring(PRIVATE.length()));
    CosignerKey key = signer(parts[0], decodeKey(parts[2]));
    key.requireId(parts[1]);
    return key;
  }

  public static CosignerKey parseVerifier(String text) {
    String[] parts = KeyText.split(text);
    CosignerKey key =
        new CosignerKey(parts[0], new Ed25519PublicKeyParameters(decodeKey(parts[2]), 0), null);
    key.requireId(parts[1]);
    return key;
  }

  public String name() {
    return name;
  }

  public String keyIdHex() {
    return HexFormat.of().formatHex(keyId);
  }

  public String verifierKey() {
    return name
        + "+"
        + keyIdHex()
        + "+"
        + KeyText.encode(ALG_COSIGNATURE_V1, publicKey.getEncoded());
  }

  /** The signer key text, for the witness's key file. */
  public String signerKey() {
    if (privateKey == null) throw new IllegalStateException("A verifier key has no signer text");
    return PRIVATE
        + name
        + "+"
        + keyIdHex()
        + "+"
        + KeyText.encode(ALG_COSIGNATURE_V1, privateKey.getEncoded());
  }

  public CosignerKey verifier() {
    return new CosignerKey(name, publicKey, null);
  }

  /** The signed message: the header line, the time line, then the checkpoint body. */
  static byte[] message(String checkpointBody, long timestamp) {
    return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Cosigns a checkpoint body (its text up to and including the last line, without signatures) at
   * {@code timestamp} (POSIX seconds); returns the signature line, newline included.
   */
  public String cosign(String checkpointBody, long timestamp) {
    if (privateKey == null) throw new IllegalStateException("A verifier key cannot sign");
    if (timestamp < 0) throw new IllegalArgumentException("A timestamp is ≥ 0");
    if (checkpointBody.isEmpty() || !checkpointBody.endsWith("\n"))
      throw new IllegalArgumentException("A checkpoint body ends with a newline");
    byte[] message = message(checkpointBody, timestamp);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    byte[] sig = signer.generateSignature();
    ByteBuffer payload = ByteBuffer.allocate(4 + 8 + 64).put(keyId).putLong(timestamp).put(sig);
    return DASH + name + " " + Base64.getEncoder().encodeToString(payload.array()) + "\n";
  }

  /**
   * Checks one signature line (without its newline) against a checkpoint body. Empty if the line is
   * by another key (other name or key id): such lines are to be ignored. The timestamp if the line
   * is this key's and verifies.
   *
   * @throws IllegalArgumentException if the line is this key's but malformed or does not verify
   */
  public OptionalLong verify(String checkpointBody, String line) {
    if (!line.startsWith(DASH)) throw new IllegalArgumentException("Not a signature line");
    String rest = line.substring(DASH.length());
    int space = rest.indexOf(' ');
    if (space <= 0) throw new IllegalArgumentException("Not a signature line");
    byte[] payload;
    try {
      payload = Base64.getDecoder().decode(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A signature is not base64");
    }
    if (!rest.substring(0, space).equals(name)
        || payload.length < 4
        || !Arrays.equals(Arrays.copyOf(payload, 4), keyId)) return OptionalLong.empty();
    if (payload.length != 4 + 8 + 64)
      throw new IllegalArgumentException("A cosignature/v1 is 76 bytes, got " + payload.length);
    long timestamp = ByteBuffer.wrap(payload, 4, 8).getLong();
    if (timestamp < 0) throw new IllegalArgumentException("The timestamp exceeds 2^63 - 1");
    byte[] message = message(checkpointBody, timestamp);
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(message, 0, message.length);
    if (!verifier.verifySignature(Arrays.copyOfRange(payload, 12, payload.length)))
      throw new IllegalArgumentException("The cosignature by " + name + " does not verify");
    return OptionalLong.of(timestamp);
  }

  /**
   * Finds and checks this key's cosignature in a whole signed note (body, blank line, signature
   * lines). Empty if the note has none by this key.
   *
   * @throws IllegalArgumentException if the note is malformed or this key's line does not verify
   */
  public OptionalLong verifyIn(String note) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) throw new IllegalArgumentException("Not a signed note");
    String body = note.substring(0, split + 1);
    OptionalLong found = OptionalLong.empty();
    for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
      OptionalLong t = verify(body, line);
      if (t.isPresent()) found = t;
    }
    return found;
  }

  private void requireId(String hex) {
    if (!keyIdHex().equals(hex))
      throw new IllegalArgumentException(
          "The key id " + hex + " does not match the key (" + keyIdHex() + ")");
  }

  private static byte[] decodeKey(String b64) {
    return KeyText.decode(
        b64.strip(), ALG_COSIGNATURE_V1, "Not an Ed25519 cosignature/v1 key (type 0x04, 32 bytes)");
  }
}
