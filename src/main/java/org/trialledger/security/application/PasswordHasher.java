package org.trialledger.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
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

  @Inject private Pbkdf2PasswordHash pbkdf2;

  /**
   * Verified against when a username is unknown, so that the answer takes as long as for a real
   * user.
   */
  private String decoyHash;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            ALGORITHM,
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            "32",
            "Pbkdf2PasswordHash.KeySizeBytes",
            "32"));
    decoyHash = pbkdf2.generate("decoy-password".toCharArray());
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
