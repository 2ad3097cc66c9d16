package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.trialledger.site.domain.SubjectVault.CannotOpenException;
import org.trialledger.site.domain.SubjectVault.Sealed;

class SubjectVaultTest {
  private final SecureRandom random = new SecureRandom();
  private final byte[] masterKey = new byte[32];
  private final SubjectVault vault;
  private final Pseudonym alice = Pseudonym.issue(random);
  private final Pseudonym bob = Pseudonym.issue(random);

  SubjectVaultTest() {
    random.nextBytes(masterKey);
    vault = new SubjectVault(masterKey, random);
  }

  @Test
  void roundTrips() {
    for (IdentifyingDetails person : SiteFixtures.PEOPLE) {
      Sealed sealed = vault.seal(alice, person);
      assertEquals(person, vault.open(alice, sealed));
      assertEquals(
          person,
          new SubjectVault(masterKey.clone(), random)
              .open(alice, sealed.ciphertext(), sealed.wrappedKey()));
    }
    IdentifyingDetails partial = new IdentifyingDetails("Only A Name", null, null);
    assertEquals(partial, vault.open(alice, vault.seal(alice, partial)));
  }

  @Test
  void theCiphertextShowsNothingOfThePerson() {
    IdentifyingDetails person = SiteFixtures.PEOPLE.get(0);
    Sealed sealed = vault.seal(alice, person);
    String bytes = new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains("Wilhelmina"));
    assertFalse(bytes.contains("1961"));
    assertNotEquals(
        Arrays.toString(sealed.ciphertext()),
        Arrays.toString(vault.seal(alice, person).ciphertext()),
        "fresh key and nonce each time");
  }

  @Test
  void aDestroyedKeyCannotOpen() {
    Sealed sealed = vault.seal(alice, SiteFixtures.PEOPLE.get(1));
    byte[] ciphertext = sealed.ciphertext();
    // Erasure: the caller deletes the wrapped key. Nothing left can open the ciphertext:
    assertThrows(CannotOpenException.class, () -> vault.open(alice, ciphertext, null));
    // not another subject's key,
    byte[] othersKey = vault.seal(bob, SiteFixtures.PEOPLE.get(0)).wrappedKey();
    assertThrows(CannotOpenException.class, () -> vault.open(alice, ciphertext, othersKey));
    // not the master key used directly as the data key,
    assertThrows(
        Exception.class,
        () -> {
          Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
          gcm.init(
              Cipher.DECRYPT_MODE,
              new SecretKeySpec(masterKey, "AES"),
              new GCMParameterSpec(128, ciphertext, 1, 12));
          gcm.doFinal(ciphertext, 13, ciphertext.length - 13);
        });
    // nor a key of the right length but the wrong bits.
    byte[] forged = sealed.wrappedKey();
    forged[5] ^= 1;
    assertThrows(CannotOpenException.class, () -> vault.open(alice, ciphertext, forged));
  }

  @Test
  void detailsSwappedBetweenSubjectsDoNotOpen() {
    Sealed alices = vault.seal(alice, SiteFixtures.PEOPLE.get(0));
    assertThrows(CannotOpenException.class, () -> vault.open(bob, alices));
  }

  @Test
  void alteredCiphertextOrAnotherMasterKeyDoNotOpen() {
    Sealed sealed = vault.seal(alice, SiteFixtures.PEOPLE.get(0));
    byte[] tampered = sealed.ciphertext();
    tampered[tampered.length - 1] ^= 1;
    assertThrows(CannotOpenException.class, () -> vault.open(alice, tampered, sealed.wrappedKey()));
    byte[] otherMaster = new byte[32];
    random.nextBytes(otherMaster);
    assertThrows(
        CannotOpenException.class, () -> new SubjectVault(otherMaster, random).open(alice, sealed));
  }

  @Test
  void refusesAShortMasterKey() {
    assertThrows(IllegalArgumentException.class, () -> new SubjectVault(new byte[16], random));
  }

  @Test
  void detailsNeverShowInToStringOrMessages() {
    IdentifyingDetails person = SiteFixtures.PEOPLE.get(0);
    assertFalse(person.toString().contains("Wilhelmina"));
    Sealed sealed = vault.seal(alice, person);
    assertFalse(sealed.toString().contains("Wilhelmina"));
    var e = assertThrows(CannotOpenException.class, () -> vault.open(bob, sealed));
    assertFalse(e.getMessage().contains("Wilhelmina"));
  }
}
