package org.trialledger.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialledger.security.application.PasswordHasher;
import org.trialledger.security.application.Pbkdf2Hashes;

/**
 * The demo users' hashes ship with the demo data instead of being made at start: each must match
 * the password README.md lists, be of today's strength and have a salt of its own. If this fails,
 * make new ones with {@link DemoPasswordHashes}.
 */
class DemoPasswordHashesTest {

  @Test
  void eachShippedHashMatchesItsDemoPasswordAtTodaysStrength() {
    Set<String> salts = new HashSet<>();
    for (DemoDataSeeder.DemoLogin login : DemoDataSeeder.LOGINS) {
      String hash = login.passwordHash();
      Pbkdf2Hashes.Parts parts = Pbkdf2Hashes.Parts.of(hash);
      assertEquals(PasswordHasher.ALGORITHM, parts.algorithm(), login.username());
      assertEquals(PasswordHasher.ITERATIONS, parts.iterations(), login.username());
      assertEquals(PasswordHasher.SALT_BYTES, parts.salt().length, login.username());
      assertEquals(PasswordHasher.KEY_BYTES, parts.key().length, login.username());
      assertFalse(PasswordHasher.needsRehash(hash), login.username());
      assertTrue(salts.add(hash.split(":")[2]), login.username() + " shares a salt");
      assertTrue(
          Pbkdf2Hashes.verify(login.password().toCharArray(), hash),
          login.username() + "'s hash does not match " + login.password());
    }
  }

  @Test
  void aShippedHashRefusesAnotherDemoPassword() {
    DemoDataSeeder.DemoLogin admin = DemoDataSeeder.LOGINS.get(0);
    DemoDataSeeder.DemoLogin sponsor = DemoDataSeeder.LOGINS.get(1);
    assertFalse(Pbkdf2Hashes.verify(sponsor.password().toCharArray(), admin.passwordHash()));
  }
}
