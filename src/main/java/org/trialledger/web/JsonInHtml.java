package org.trialledger.web;

/**
 * JSON text made safe to place inside an HTML document: in a {@code <script>} element (PrimeFaces
 * writes a chart's configuration into its widget script), in a {@code <script
 * type="application/json">} block, or in an attribute. The characters that end or open markup
 * ({@code <}, {@code >}, {@code &}), quotes, and the line separators U+2028/U+2029 (line ends in
 * older JavaScript) are written as JSON {@code \}{@code uXXXX} escapes. JSON allows those
 * characters only inside strings, where the escape means the same character, so the result parses
 * to the same value; a string value can never close the script element or start markup.
 */
public final class JsonInHtml {
  private JsonInHtml() {}

  /** {@code json} with the characters above escaped; {@code null} stays {@code null}. */
  public static String escape(String json) {
    if (json == null) return null;
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\'' -> out.append("\\u0027");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
