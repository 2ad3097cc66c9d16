package org.trialledger.site.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

/**
 * Seals a subject's identifying details under a fresh AES-256 data key of their own (AES-GCM), and
 * wraps that key under the master key (AES Key Wrap, RFC 3394). The caller stores the ciphertext
 * with the subject and the wrapped key in a separate row; honouring an erasure request means
 * deleting the wrapped key (and the subject's salts): the master key alone cannot open the
 * ciphertext, so backups of it become noise.
 *
 * <p>The ciphertext is bound to the subject's pseudonym (GCM associated data), so a row swapped
 * between subjects by SQL fails to open instead of naming the wrong person. Format: version byte 1
 * ‖ 12-byte nonce ‖ ciphertext with 16-byte tag.
 */
public final class SubjectVault {
  private static final byte FORMAT = 1;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_LENGTH = 32;

  private final SecretKey masterKey;
  private final SecureRandom random;

  /**
   * {@code masterKey}: 32 bytes, loaded by the caller (e.g. from a key file readable only by the
   * server).
   */
  public SubjectVault(byte[] masterKey, SecureRandom random) {
    if (masterKey == null || masterKey.length != KEY_LENGTH)
      throw new IllegalArgumentException("The master key is 32 bytes (AES-256)");
    this.masterKey = new SecretKeySpec(masterKey, "AES");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The two parts to store apart: the ciphertext with the subject, the wrapped key where it can be
   * deleted.
   */
  public record Sealed(byte[] ciphertext, byte[] wrappedKey) {
    public Sealed {
      ciphertext = ciphertext.clone();
      wrappedKey = wrappedKey.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public byte[] wrappedKey() {
      return wrappedKey.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sealed s
          && Arrays.equals(ciphertext, s.ciphertext)
          && Arrays.equals(wrappedKey, s.wrappedKey);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Sealed[" + ciphertext.length + " bytes]";
    }
  }

  /**
   * The details cannot be opened: the key was destroyed, or the data belong to another subject or
   * were altered.
   */
  public static final class CannotOpenException extends RuntimeException {
    CannotOpenException(String message) {
      super(message, null, false, false);
    }
  }

  public Sealed seal(Pseudonym subject, IdentifyingDetails details) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(details, "details");
    byte[] dataKey = new byte[KEY_LENGTH];
    random.nextBytes(dataKey);
    byte[] plaintext = encode(details);
    try {
      SecretKey key = new SecretKeySpec(dataKey, "AES");
      byte[] nonce = new byte[NONCE_LENGTH];
      random.nextBytes(nonce);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(aad(subject));
      byte[] body = gcm.doFinal(plaintext);
      byte[] ciphertext = new byte[1 + NONCE_LENGTH + body.length];
      ciphertext[0] = FORMAT;
      System.arraycopy(nonce, 0, ciphertext, 1, NONCE_LENGTH);
      System.arraycopy(body, 0, ciphertext, 1 + NONCE_LENGTH, body.length);
      Cipher wrap = Cipher.getInstance("AESWrap");
      wrap.init(Cipher.WRAP_MODE, masterKey);
      return new Sealed(ciphertext, wrap.wrap(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM and AES Key Wrap are in every Java runtime", e);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  public IdentifyingDetails open(Pseudonym subject, Sealed sealed) {
    return open(subject, sealed.ciphertext, sealed.wrappedKey);
  }

  /** {@code wrappedKey} null means the key was destroyed: the details are gone for good. */
  public IdentifyingDetails open(Pseudonym subject, byte[] ciphertext, byte[] wrappedKey) {
    if (wrappedKey == null)
      throw new CannotOpenException(
          "The subject's key was destroyed; the identifying details are erased");
    if (ciphertext == null
        || ciphertext.length < 1 + NONCE_LENGTH + TAG_BITS / 8
        || ciphertext[0] != FORMAT) {
      throw new CannotOpenException("Not a sealed record of this vault");
    }
    Key key;
    try {
      Cipher unwrap = Cipher.getInstance("AESWrap");
      unwrap.init(Cipher.UNWRAP_MODE, masterKey);
      key = unwrap.unwrap(wrappedKey, "AES", Cipher.SECRET_KEY);
    } catch (GeneralSecurityException e) {
      throw new CannotOpenException("The wrapped key does not unwrap under this master key");
    }
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_LENGTH));
      gcm.updateAAD(aad(subject));
      return decode(
          gcm.doFinal(ciphertext, 1 + NONCE_LENGTH, ciphertext.length - 1 - NONCE_LENGTH));
    } catch (GeneralSecurityException e) {
      throw new CannotOpenException(
          "The sealed details do not open with this key for this subject");
    }
  }

  private static byte[] aad(Pseudonym subject) {
    return ("trialledger.subject/1|" + subject.value()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] encode(IdentifyingDetails d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", d.name());
    json.put("birthDate", d.birthDate() == null ? null : d.birthDate().toString());
    json.put("contact", d.contact());
    return CanonicalJson.bytes(json);
  }

  private static IdentifyingDetails decode(byte[] plaintext) {
    try {
      Map<?, ?> json = (Map<?, ?>) JsonParser.parse(new String(plaintext, StandardCharsets.UTF_8));
      Object birth = json.get("birthDate");
      return new IdentifyingDetails(
          (String) json.get("name"),
          birth == null ? null : LocalDate.parse((String) birth),
          (String) json.get("contact"));
    } catch (ClassCastException | DateTimeParseException | IllegalArgumentException e) {
      // Authenticated yet unreadable means a bug, not an attacker; say so without echoing the
      // content.
      throw new IllegalStateException("Sealed details decrypted but are not in the expected form");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }
}
