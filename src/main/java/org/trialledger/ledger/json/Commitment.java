package org.trialledger.ledger.json;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.trialledger.ledger.Hash;

/**
 * A salted commitment to a record holding personal data: SHA-256(salt ‖ canonical JSON) with a
 * random 32-byte salt kept beside the record. Without the salt the hash cannot be tested against
 * guesses; erasing salt and record ("crypto-shredding") leaves the log verifiable and the content
 * unrecoverable.
 */
public record Commitment(byte[] salt, Hash value) {
  public static final int SALT_LENGTH = 32;

  public Commitment {
    if (salt == null || salt.length != SALT_LENGTH)
      throw new IllegalArgumentException("A salt is 32 bytes");
    salt = salt.clone();
  }

  public static Commitment commit(Object record, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    return new Commitment(salt, of(salt, record));
  }

  public static Hash of(byte[] salt, Object record) {
    return Hash.sha256(salt, CanonicalJson.bytes(record));
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  public String saltBase64() {
    return Base64.getEncoder().encodeToString(salt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Commitment c
        && MessageDigest.isEqual(salt, c.salt)
        && value.equals(c.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Commitment[" + value + "]";
  }
}
