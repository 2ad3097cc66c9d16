package org.trialledger.platform.web;

/**
 * Text for HTML written by hand (pages that write a list in one go instead of a component per
 * value, see {@link OptionTags}): escaped so that it stays text both in an element's content and
 * inside a double- or single-quoted attribute value.
 */
public final class Html {
  private Html() {}

  /** {@code s} as HTML text; null as "". */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      String entity =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
      if (entity != null) b.append(entity);
      else if (b != null) b.append(s.charAt(i));
    }
    return b == null ? s : b.toString();
  }
}
