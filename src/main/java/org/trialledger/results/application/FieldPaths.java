package org.trialledger.results.application;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record paths as people read them: "outcomeMeasures[0].analyses[1].pValue" → "Outcome measure 1 ›
 * analysis 2 › p-value".
 */
public final class FieldPaths {
  private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)\\[(\\d+)\\]");

  private FieldPaths() {}

  public static String human(String path) {
    if (path == null || path.isBlank()) return "Results";
    StringBuilder out = new StringBuilder();
    for (String part : path.split("\\.")) {
      if (out.length() > 0) out.append(" › ");
      Matcher m = INDEXED.matcher(part);
      if (m.matches())
        out.append(words(singular(m.group(1))))
            .append(' ')
            .append(Integer.parseInt(m.group(2)) + 1);
      else out.append(words(part));
    }
    String s = out.toString();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String singular(String s) {
    if (s.endsWith("yses")) return s.substring(0, s.length() - 2) + "is";
    if (s.endsWith("ies")) return s.substring(0, s.length() - 3) + "y";
    if (s.endsWith("ses")) return s.substring(0, s.length() - 2);
    if (s.endsWith("s")) return s.substring(0, s.length() - 1);
    return s;
  }

  private static String words(String camel) {
    if (camel.equals("pValue")) return "p-value";
    camel = camel.replace("Num", "").replaceFirst("^num", "");
    return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
