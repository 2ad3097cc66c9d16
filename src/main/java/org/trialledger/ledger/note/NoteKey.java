package org.trialledger.ledger.note;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key of the C2SP signed-note format. Its key id is the first 4 bytes of SHA-256(name ‖
 * 0x0A ‖ 0x01 ‖ public key); its verifier key text is {@code name+hexid+base64(0x01 ‖ pub)}.
 */
public final class NoteKey {
  static final byte ALG_ED25519 = 0x01;

  private final String name;
  private final Ed25519PublicKeyParameters publicKey;
  private final Ed25519PrivateKeyParameters privateKey; // null for a verifier key
  private final byte[] keyId;

  private NoteKey(
      String name, Ed25519PublicKeyParameters publicKey, Ed25519PrivateKeyParameters privateKey) {
    KeyText.requireName(name);
    this.name = name;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.keyId = keyId(name, publicKey.getEncoded());
  }

  /** A signer key from its 32-byte Ed25519 seed. */
  public static NoteKey signer(String name, byte[] seed) {
    if (seed.length != 32) throw new IllegalArgumentException("An Ed25519 seed is 32 bytes");
    Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(seed, 0);
    return new NoteKey(name, priv.generatePublicKey(), priv);
  }

  /** A new random signer key. */
  public static NoteKey generate(String name, SecureRandom random) {
    Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(random);
    return new NoteKey(name, priv.generatePublicKey(), priv);
  }

  /** Parses a signer key text {@code PRIVATE+KEY+name+hexid+base64(0x01 ‖ seed)}. */
  public static NoteKey parseSigner(String text) {
    if (!text.startsWith("PRIVATE+KEY+"))
      throw new IllegalArgumentException("A signer key starts with PRIVATE+KEY+");
    String[] parts = KeyText.split(text.substring("PRIVATE+KEY+".length()));
    byte[] raw = decodeKey(parts[2]);
    NoteKey key = signer(parts[0], raw);
    key.requireId(parts[1]);
    return key;
  }

  /** Parses a verifier key text {@code name+hexid+base64(0x01 ‖ public key)}. */
  public static NoteKey parseVerifier(String text) {
    String[] parts = KeyText.split(text);
    NoteKey key =
        new NoteKey(parts[0], new Ed25519PublicKeyParameters(decodeKey(parts[2]), 0), null);
    key.requireId(parts[1]);
    return key;
  }

  public String name() {
    return name;
  }

  /** The 4-byte key id as 8 hex digits. */
  public String keyIdHex() {
    return HexFormat.of().formatHex(keyId);
  }

  byte[] keyId() {
    return keyId.clone();
  }

  public String verifierKey() {
    return name + "+" + keyIdHex() + "+" + KeyText.encode(ALG_ED25519, publicKey.getEncoded());
  }

  /** This key without its private part. */
  public NoteKey verifier() {
    return new NoteKey(name, publicKey, null);
  }

  byte[] sign(byte[] message) {
    if (privateKey == null) throw new IllegalStateException("A verifier key cannot sign");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  boolean verify(byte[] message, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  private void requireId(String hex) {
    if (!keyIdHex().equals(hex))
      throw new IllegalArgumentException(
          "The key id " + hex + " does not match the key (" + keyIdHex() + ")");
  }

  static byte[] keyId(String name, byte[] publicKey) {
    return KeyText.keyId(name, ALG_ED25519, publicKey);
  }

  private static byte[] decodeKey(String b64) {
    return KeyText.decode(
        b64, ALG_ED25519, "Only Ed25519 keys (type 0x01, 32 bytes) are supported");
  }
}
