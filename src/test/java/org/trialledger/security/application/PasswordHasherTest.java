package org.trialledger.security.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * When a stored hash is replaced at the next successful login, and the decoy that an unknown
 * username is checked against.
 */
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

  /**
   * An unknown username costs what a known one does: one verification, against a hash with the
   * algorithm, iteration count, salt and key sizes the platform is told to make real hashes with,
   * so it runs the full 600,000 iterations. And making the decoy hashes nothing, so start-up does
   * not wait for it.
   */
  @Test
  void anUnknownUserIsCheckedAgainstADecoyOfFullStrengthThatCostNothingToMake() {
    RecordingPbkdf2 platform = new RecordingPbkdf2();
    PasswordHasher hasher = new PasswordHasher(platform);
    hasher.init();
    assertEquals(0, platform.generated, "no hash made at start");

    assertFalse(hasher.matchesNothing("decoy-password".toCharArray()));
    assertFalse(hasher.matchesNothing("".toCharArray()));

    assertEquals(2, platform.verifiedAgainst.size(), "one full verification per attempt");
    Pbkdf2Hashes.Parts decoy = Pbkdf2Hashes.Parts.of(platform.verifiedAgainst.get(0));
    assertEquals(platform.parameters.get("Pbkdf2PasswordHash.Algorithm"), decoy.algorithm());
    assertEquals(
        platform.parameters.get("Pbkdf2PasswordHash.Iterations"),
        String.valueOf(decoy.iterations()));
    assertEquals(
        platform.parameters.get("Pbkdf2PasswordHash.SaltSizeBytes"),
        String.valueOf(decoy.salt().length));
    assertEquals(
        platform.parameters.get("Pbkdf2PasswordHash.KeySizeBytes"),
        String.valueOf(decoy.key().length));
    assertEquals(600_000, decoy.iterations());
    assertFalse(PasswordHasher.needsRehash(platform.verifiedAgainst.get(0)));
  }

  @Test
  void decoysAreRandomSoNoPasswordIsKnownToMatchOne() {
    SecureRandom random = new SecureRandom();
    Pbkdf2Hashes.Parts a = Pbkdf2Hashes.Parts.of(PasswordHasher.decoy(random));
    Pbkdf2Hashes.Parts b = Pbkdf2Hashes.Parts.of(PasswordHasher.decoy(random));
    assertFalse(Arrays.equals(a.salt(), b.salt()));
    assertFalse(Arrays.equals(a.key(), b.key()));
  }
}
