package org.trialledger.results.domain;

import java.math.BigDecimal;

/** Helpers for the server-rendered charts: every text is escaped, every number plain. */
final class Svg {
  private Svg() {}

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return b.toString();
  }

  /** A coordinate with at most one decimal: short and locale-free. */
  static String n(double d) {
    return BigDecimal.valueOf(Math.round(d * 10) / 10.0).stripTrailingZeros().toPlainString();
  }

  /** Opening tag of an accessible chart: role img, labelled by its title and described. */
  static void open(
      StringBuilder b, String id, double width, double height, String title, String desc) {
    b.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl-chart\" role=\"img\" viewBox=\"0 0 ")
        .append(n(width))
        .append(' ')
        .append(n(height))
        .append("\" aria-labelledby=\"")
        .append(esc(id))
        .append("-title ")
        .append(esc(id))
        .append("-desc\"><title id=\"")
        .append(esc(id))
        .append("-title\">")
        .append(esc(title))
        .append("</title><desc id=\"")
        .append(esc(id))
        .append("-desc\">")
        .append(esc(desc))
        .append("</desc>");
  }

  static void text(StringBuilder b, double x, double y, String cls, String anchor, String text) {
    b.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" class=\"")
        .append(cls)
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\">")
        .append(esc(text))
        .append("</text>");
  }

  static void line(StringBuilder b, double x1, double y1, double x2, double y2, String cls) {
    b.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" class=\"")
        .append(cls)
        .append("\"/>");
  }

  static void rect(StringBuilder b, double x, double y, double w, double h, String cls) {
    b.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(w))
        .append("\" height=\"")
        .append(n(h))
        .append("\" rx=\"4\" class=\"")
        .append(cls)
        .append("\"/>");
  }

  /** Shortens a label to fit a box, with an ellipsis; the full text stays in the tables. */
  static String fit(String s, int max) {
    if (s == null) return "";
    String t = s.strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  static BigDecimal number(String s) {
    if (s == null) return null;
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
