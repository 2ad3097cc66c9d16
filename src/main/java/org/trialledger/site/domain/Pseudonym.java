package org.trialledger.site.domain;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * A subject's pseudonym, issued by the system from random numbers only, never derived from anything
 * about the person: {@code S-7KQ2-M9XD-4HP2}. Eleven random symbols and one check symbol from a
 * 30-symbol alphabet without look-alikes (no 0/O, 1/I/L, U/V). 30^11 ≈ 1.8·10^16 values make
 * collisions rare (about 3 in 10 million for 100 000 subjects); the caller still retries on a
 * unique-key violation.
 *
 * <p>The check symbol makes the weighted sum of all twelve symbols, weights 1…11 and −1, divisible
 * by the prime 31. Since the weights differ pairwise modulo 31, every single-symbol typo and every
 * swap of any two symbols is caught. Bodies whose check value would be 30 (no symbol for it) are
 * never issued.
 */
public record Pseudonym(String value) implements Comparable<Pseudonym> {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int RANDOM_SYMBOLS = 11;
  private static final int MODULUS = 31;
  private static final String PREFIX = "S-";
  private static final String EXAMPLE = "S-7KQ2-M9XD-4HP2";

  public Pseudonym {
    value = canonical(value);
  }

  /** A fresh pseudonym; its only input is the random source. */
  public static Pseudonym issue(SecureRandom random) {
    int[] symbols = new int[RANDOM_SYMBOLS + 1];
    int check;
    do {
      for (int i = 0; i < RANDOM_SYMBOLS; i++) symbols[i] = random.nextInt(ALPHABET.length());
      check = weightedSum(symbols, RANDOM_SYMBOLS);
    } while (check >= ALPHABET.length());
    symbols[RANDOM_SYMBOLS] = check;
    StringBuilder body = new StringBuilder();
    for (int s : symbols) body.append(ALPHABET.charAt(s));
    return new Pseudonym(format(body.toString()));
  }

  /**
   * Reads a pseudonym as a person may type it: any case, with or without the dashes or spaces.
   * Throws IllegalArgumentException with a message fit for a form when the text is not a pseudonym
   * or is mistyped.
   */
  public static Pseudonym parse(String text) {
    return new Pseudonym(text);
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String canonical(String text) {
    if (text == null) throw new IllegalArgumentException("A pseudonym looks like " + EXAMPLE);
    String compact = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    if (!compact.startsWith("S") || compact.length() != 1 + RANDOM_SYMBOLS + 1) {
      throw new IllegalArgumentException("A pseudonym looks like " + EXAMPLE);
    }
    String body = compact.substring(1);
    int[] symbols = new int[body.length()];
    for (int i = 0; i < body.length(); i++) {
      symbols[i] = ALPHABET.indexOf(body.charAt(i));
      if (symbols[i] < 0) {
        throw new IllegalArgumentException(
            "A pseudonym never contains '" + body.charAt(i) + "'; check the spelling");
      }
    }
    if (weightedSum(symbols, RANDOM_SYMBOLS) != symbols[RANDOM_SYMBOLS]) {
      throw new IllegalArgumentException(
          "The check symbol of " + text.strip() + " does not match: the pseudonym is mistyped");
    }
    return format(body);
  }

  private static int weightedSum(int[] symbols, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) sum += (i + 1) * symbols[i];
    return sum % MODULUS;
  }

  private static String format(String body) {
    return PREFIX + body.substring(0, 4) + "-" + body.substring(4, 8) + "-" + body.substring(8);
  }

  @Override
  public int compareTo(Pseudonym other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
