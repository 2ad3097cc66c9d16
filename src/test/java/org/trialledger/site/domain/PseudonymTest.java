package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PseudonymTest {
  @Test
  void issuedPseudonymsAreHumanFriendlyAndParseBack() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 1000; i++) {
      Pseudonym p = Pseudonym.issue(random);
      assertTrue(
          p.value().matches("S-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}"),
          p.value());
      assertEquals(p, Pseudonym.parse(p.value()));
      assertEquals(p, Pseudonym.parse("  " + p.value().toLowerCase().replace("-", " ") + " "));
      assertEquals(p, Pseudonym.parse(p.value().replace("-", "")));
    }
  }

  @Test
  void theAlphabetHasThirtySymbolsWithoutLookAlikes() {
    assertEquals(30, Pseudonym.ALPHABET.length());
    assertEquals(30, Pseudonym.ALPHABET.chars().distinct().count());
    for (char c : "01OILU".toCharArray())
      assertEquals(-1, Pseudonym.ALPHABET.indexOf(c), "look-alike " + c);
  }

  @Test
  void hundredThousandPseudonymsHaveNoDuplicates() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++)
      assertTrue(seen.add(Pseudonym.issue(random).value()), "duplicate after " + i);
  }

  @Test
  void everySingleTypoAndEverySwapIsCaught() {
    Pseudonym p = Pseudonym.issue(SiteFixtures.seeded(1));
    String body = p.value().replace("-", "").substring(1);
    for (int pos = 0; pos < body.length(); pos++) {
      for (char c : Pseudonym.ALPHABET.toCharArray()) {
        if (c == body.charAt(pos)) continue;
        String typo = body.substring(0, pos) + c + body.substring(pos + 1);
        assertFalse(Pseudonym.isValid("S" + typo), "typo at " + pos + " not caught: " + typo);
      }
      for (int other = pos + 1; other < body.length(); other++) {
        if (body.charAt(pos) == body.charAt(other)) continue;
        char[] swapped = body.toCharArray();
        swapped[pos] = body.charAt(other);
        swapped[other] = body.charAt(pos);
        assertFalse(
            Pseudonym.isValid("S" + new String(swapped)),
            "swap " + pos + "/" + other + " not caught");
      }
    }
  }

  @Test
  void theDocumentedExampleIsValid() {
    assertEquals("S-7KQ2-M9XD-4HP2", Pseudonym.parse("s7kq2m9xd4hp2").value());
  }

  @Test
  void malformedTextIsRefusedWithAClearMessage() {
    for (String bad :
        new String[] {
          "", "S-7KQ2-M9XD", "X-7KQ2-M9XD-4HPW", "S-7KQ2-M9XD-4HPW-2", "S-7KQ0-M9XD-4HPW"
        }) {
      assertThrows(IllegalArgumentException.class, () -> Pseudonym.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Pseudonym.parse(null));
    var e = assertThrows(IllegalArgumentException.class, () -> Pseudonym.parse("S-7KQ2-M9XD-4HP0"));
    assertTrue(e.getMessage().contains("'0'"), e.getMessage());
  }

  /** Nothing about a person can go in: issuing takes a random source and nothing else. */
  @Test
  void issuingTakesNoInputButRandomness() {
    for (Method m : Pseudonym.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || !m.getReturnType().equals(Pseudonym.class))
        continue;
      if (m.getName().equals("parse")) continue;
      assertEquals(1, m.getParameterCount(), m.toString());
      assertEquals(SecureRandom.class, m.getParameterTypes()[0], m.toString());
    }
  }

  @Test
  void symbolsAreUniformlyDistributed() {
    SecureRandom random = SiteFixtures.seeded(42);
    int[] counts = new int[30];
    int draws = 30_000;
    for (int i = 0; i < draws / 11; i++) {
      String body = Pseudonym.issue(random).value().replace("-", "").substring(1, 12);
      for (char c : body.toCharArray()) counts[Pseudonym.ALPHABET.indexOf(c)]++;
    }
    int perSymbol = (draws / 11) * 11 / 30;
    for (int c : counts)
      assertTrue(
          Math.abs(c - perSymbol) < perSymbol / 4, "skewed symbol count " + c + " vs " + perSymbol);
  }
}
