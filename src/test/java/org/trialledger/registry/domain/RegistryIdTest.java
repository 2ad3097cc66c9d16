package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegistryIdTest {
  @Test
  void knownAnswerFromTheDammAlgorithm() {
    // The classic worked example: 572 has Damm check digit 4.
    assertEquals(4, RegistryId.checkDigit("572"));
    assertEquals("TLR-00000572-4", new RegistryId(572).toString());
  }

  @Test
  void roundTrips() {
    for (long serial : new long[] {1, 42, 572, 12_345_678, 99_999_999}) {
      RegistryId id = new RegistryId(serial);
      assertEquals(id, RegistryId.parse(id.toString()));
      assertEquals(id, RegistryId.parse(" " + id.toString().toLowerCase() + " "));
    }
  }

  @Test
  void everySingleDigitTypoAndAdjacentSwapIsCaught() {
    String id = new RegistryId(31_415_926).toString(); // TLR-31415926-c
    String digits = id.substring(4, 12) + id.charAt(13);
    for (int pos = 0; pos < digits.length(); pos++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d == digits.charAt(pos)) continue;
        String typo = digits.substring(0, pos) + d + digits.substring(pos + 1);
        assertFalse(RegistryId.isValid(format(typo)), "typo at " + pos + " not caught: " + typo);
      }
    }
    for (int pos = 0; pos + 1 < digits.length(); pos++) {
      if (digits.charAt(pos) == digits.charAt(pos + 1)) continue;
      String swapped =
          digits.substring(0, pos)
              + digits.charAt(pos + 1)
              + digits.charAt(pos)
              + digits.substring(pos + 2);
      assertFalse(
          RegistryId.isValid(format(swapped)), "swap at " + pos + " not caught: " + swapped);
    }
    assertTrue(RegistryId.isValid(format(digits)));
  }

  @Test
  void rejectsMalformedIds() {
    for (String bad :
        new String[] {
          "", "TLR-1-2", "TLR-0000004-23", "NCT00763412", "TLR-00000000-0", "TLR-0000000A-1"
        }) {
      assertThrows(IllegalArgumentException.class, () -> RegistryId.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> RegistryId.parse(null));
  }

  private static String format(String nineDigits) {
    return "TLR-" + nineDigits.substring(0, 8) + "-" + nineDigits.charAt(8);
  }
}
