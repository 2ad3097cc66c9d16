package org.trialledger.security.application;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 hashes in the stored form the platform's {@code Pbkdf2PasswordHash} reads and writes
 * ({@code algorithm:iterations:base64 salt:base64 key}), computed with the JDK alone, so that tests
 * and the demo-hash command need no application server.
 */
public final class Pbkdf2Hashes {
  private Pbkdf2Hashes() {}

  /** A stored hash split into its parts. */
  public record Parts(String algorithm, int iterations, byte[] salt, byte[] key) {
    public static Parts of(String stored) {
      String[] p = stored.split(":");
      if (p.length != 4) throw new IllegalArgumentException("not algorithm:iterations:salt:key");
      Base64.Decoder base64 = Base64.getDecoder();
      return new Parts(p[0], Integer.parseInt(p[1]), base64.decode(p[2]), base64.decode(p[3]));
    }
  }

  /** A new hash of the password at today's strength, with a fresh random salt. */
  public static String hash(char[] password, SecureRandom random) {
    byte[] salt = new byte[PasswordHasher.SALT_BYTES];
    random.nextBytes(salt);
    byte[] key =
        derive(
            password,
            salt,
            PasswordHasher.ALGORITHM,
            PasswordHasher.ITERATIONS,
            PasswordHasher.KEY_BYTES);
    Base64.Encoder base64 = Base64.getEncoder();
    return PasswordHasher.ALGORITHM
        + ":"
        + PasswordHasher.ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(key);
  }

  /** Whether the password matches the stored hash: the full iteration count, then a comparison. */
  public static boolean verify(char[] password, String stored) {
    Parts parts = Parts.of(stored);
    byte[] key =
        derive(password, parts.salt(), parts.algorithm(), parts.iterations(), parts.key().length);
    return MessageDigest.isEqual(key, parts.key());
  }

  static byte[] derive(char[] password, byte[] salt, String algorithm, int iterations, int bytes) {
    try {
      return SecretKeyFactory.getInstance(algorithm)
          .generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
