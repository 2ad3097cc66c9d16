package org.trialledger.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password hashing with the platform's PBKDF2 (HMAC-SHA-256, salted), at OWASP's 600,000
 * iterations. Each stored hash carries its own parameters ({@code
 * PBKDF2WithHmacSHA256:600000:salt:hash}), so raising the iteration count does not invalidate
 * existing passwords: a hash made with fewer is replaced at the owner's next successful login
 * ({@link #needsRehash}).
 */
@ApplicationScoped
public class PasswordHasher {
  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  public static final int ITERATIONS = 600_000;
  public static final int SALT_BYTES = 32;
  public static final int KEY_BYTES = 32;

  @Inject private Pbkdf2PasswordHash pbkdf2;

  /**
   * Verified against when a username is unknown, so that the answer takes as long as for a real
   * user: the form and parameters of a real hash, with random bytes where the derived key would be.
   * Verifying runs the full iteration count over the given password and then compares, exactly as
   * for a real hash; no password can match it (a 256-bit guess). Made from random bytes rather than
   * by hashing a password, so that it costs nothing at start (docs/benchmarks.md, "Start-up and
   * memory").
   */
  private String decoyHash;

  public PasswordHasher() {}

  PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
    this.pbkdf2 = pbkdf2;
  }

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            ALGORITHM,
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            String.valueOf(SALT_BYTES),
            "Pbkdf2PasswordHash.KeySizeBytes",
            String.valueOf(KEY_BYTES)));
    decoyHash = decoy(new SecureRandom());
  }

  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  public boolean matches(char[] password, String storedHash) {
    return pbkdf2.verify(password, storedHash);
  }

  /** Spends the same work as {@link #matches} and always answers false. */
  public boolean matchesNothing(char[] password) {
    pbkdf2.verify(password, decoyHash);
    return false;
  }

  /** A stored-hash form at today's strength whose key is random bytes. */
  static String decoy(SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(salt);
    random.nextBytes(key);
    Base64.Encoder base64 = Base64.getEncoder();
    return ALGORITHM
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(key);
  }

  /**
   * Whether a stored hash is weaker than what {@link #hash} makes now (another algorithm, fewer
   * iterations, or a form not understood), so that it should be replaced once the password is known
   * to match.
   */
  public static boolean needsRehash(String storedHash) {
    if (storedHash == null) return true;
    String[] parts = storedHash.split(":");
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) return true;
    try {
      return Integer.parseInt(parts[1]) < ITERATIONS;
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
