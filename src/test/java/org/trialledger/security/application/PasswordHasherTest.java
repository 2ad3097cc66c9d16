package org.trialledger.security.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a stored hash is replaced at the next successful login. */
class PasswordHasherTest {
  private static final String SALT_AND_HASH =
      ":c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";

  @Test
  void hashesBelowOwaspsIterationCountAreRenewed() {
    assertTrue(
        PasswordHasher.needsRehash("PBKDF2WithHmacSHA256:210000" + SALT_AND_HASH),
        "the former 210,000");
    assertTrue(PasswordHasher.needsRehash("PBKDF2WithHmacSHA256:599999" + SALT_AND_HASH));
    assertFalse(PasswordHasher.needsRehash("PBKDF2WithHmacSHA256:600000" + SALT_AND_HASH));
    assertFalse(
        PasswordHasher.needsRehash("PBKDF2WithHmacSHA256:1000000" + SALT_AND_HASH),
        "never weakened");
  }

  @Test
  void otherAlgorithmsAndUnreadableHashesAreRenewed() {
    assertTrue(PasswordHasher.needsRehash("PBKDF2WithHmacSHA1:600000" + SALT_AND_HASH));
    assertTrue(PasswordHasher.needsRehash("PBKDF2WithHmacSHA256:many" + SALT_AND_HASH));
    assertTrue(PasswordHasher.needsRehash("plain"));
    assertTrue(PasswordHasher.needsRehash(null));
  }

  @Test
  void theIterationCountIsOwaspsCurrentFigure() {
    assertTrue(PasswordHasher.ITERATIONS >= 600_000);
  }
}
