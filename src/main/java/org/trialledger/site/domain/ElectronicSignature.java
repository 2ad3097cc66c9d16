package org.trialledger.site.domain;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;

/**
 * A 21 CFR Part 11 electronic signature. The manifestation (11.50: signer, printed name, UTC time,
 * meaning) and the SHA-256 of the signed record's canonical JSON are signed together with the
 * server's Ed25519 key, over the canonical JSON {@code {schema, recordHash, signer, printedName,
 * signedAt, meaning}}. That links the signature to its record (11.70): change one field of either,
 * e.g. by SQL, and {@link #verify} fails, and the signature cannot be copied onto another record.
 *
 * <p>The server signs only after {@link SignatureSession} has authenticated the person; the key
 * proves the system made the binding at the time, the ledger commitment proves when.
 */
public record ElectronicSignature(Hash recordHash, Manifestation manifestation, byte[] signature) {
  public static final String SCHEMA = "trialledger.e-signature/1";
  private static final int ED25519_SIGNATURE_LENGTH = 64;

  public ElectronicSignature {
    Objects.requireNonNull(recordHash, "recordHash");
    Objects.requireNonNull(manifestation, "manifestation");
    if (signature == null || signature.length != ED25519_SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("An Ed25519 signature is 64 bytes");
    }
    signature = signature.clone();
  }

  public static ElectronicSignature sign(
      LedgerRecord record, Manifestation manifestation, Ed25519PrivateKeyParameters key) {
    if (manifestation.signer() == null
        || manifestation.printedName() == null
        || manifestation.signedAt() == null
        || manifestation.meaning() == null) {
      throw new IllegalArgumentException(
          "A signature manifests signer, printed name, time and meaning (21 CFR 11.50)");
    }
    Hash recordHash = record.contentHash();
    byte[] message = signedBytes(recordHash, manifestation);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return new ElectronicSignature(recordHash, manifestation, signer.generateSignature());
  }

  /**
   * Whether {@code signature} was made with {@code key}'s private half over exactly this record and
   * manifestation. A consent record carries its signer's manifestation, which must be the signed
   * one.
   */
  public static boolean verify(
      LedgerRecord record, ElectronicSignature signature, Ed25519PublicKeyParameters key) {
    if (!MessageDigest.isEqual(record.contentHash().bytes(), signature.recordHash.bytes()))
      return false;
    if (record instanceof ConsentRecord c && !signature.manifestation.equals(c.signature()))
      return false;
    byte[] message = signedBytes(signature.recordHash, signature.manifestation);
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature.signature);
  }

  /** The exact bytes signed, for an independent verifier. */
  public static byte[] signedBytes(Hash recordHash, Manifestation m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put("recordHash", recordHash.hex());
    json.putAll(m.toJson());
    return CanonicalJson.bytes(json);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElectronicSignature s
        && recordHash.equals(s.recordHash)
        && manifestation.equals(s.manifestation)
        && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return recordHash.hashCode();
  }

  @Override
  public String toString() {
    return "ElectronicSignature["
        + manifestation.signer()
        + ", "
        + manifestation.meaning()
        + ", "
        + manifestation.signedAt()
        + "]";
  }
}
