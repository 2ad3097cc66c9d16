package org.trialledger.registry.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trial's registry id, issued by this registry: {@code TLR-} then an 8-digit serial number then a
 * Damm check digit, e.g. {@code TLR-00000042-3}. The check digit catches every single-digit typo
 * and every swap of adjacent digits. Serial numbers come from a database sequence and are never
 * reused.
 */
public record RegistryId(long serial) {
  private static final Pattern FORMAT = Pattern.compile("TLR-(\\d{8})-(\\d)");
  private static final long MAX_SERIAL = 99_999_999L;

  /** Damm's totally anti-symmetric quasigroup of order 10. */
  private static final int[][] DAMM = {
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
    {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
    {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
    {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
    {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
    {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
    {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}
  };

  public RegistryId {
    if (serial < 1 || serial > MAX_SERIAL) {
      throw new IllegalArgumentException("A registry serial number is between 1 and " + MAX_SERIAL);
    }
  }

  /**
   * Parses {@code TLR-00000042-3}; rejects a wrong format or a wrong check digit with a clear
   * message.
   */
  public static RegistryId parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("A registry id looks like TLR-00000042-3");
    }
    String digits = m.group(1);
    if (checkDigit(digits) != m.group(2).charAt(0) - '0') {
      throw new IllegalArgumentException(
          "The check digit of " + text.strip() + " is wrong: the id is mistyped");
    }
    return new RegistryId(Long.parseLong(digits));
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static int checkDigit(String digits) {
    int interim = 0;
    for (int i = 0; i < digits.length(); i++) {
      interim = DAMM[interim][digits.charAt(i) - '0'];
    }
    return interim;
  }

  @Override
  public String toString() {
    String digits = String.format("%08d", serial);
    return "TLR-" + digits + "-" + checkDigit(digits);
  }
}
