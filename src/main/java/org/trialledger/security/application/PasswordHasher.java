package org.trialledger.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with the platform's PBKDF2 (HMAC-SHA-256, salted). Each stored hash carries its own
 * parameters, so raising the iteration count later does not invalidate existing passwords.
 */
@ApplicationScoped
public class PasswordHasher {
  private static final String ITERATIONS = "210000";

  @Inject private Pbkdf2PasswordHash pbkdf2;

  /** Verified against when a username is unknown, so that the answer takes as long as for a real user. */
  private String decoyHash;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", ITERATIONS,
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
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
}
