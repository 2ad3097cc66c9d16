package org.trialledger.anchoring.application;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the public anchoring page says of a failure: a plain status ("unreachable, will retry"),
 * never the stored exception text ({@code java.net.ConnectException: Connection refused}), which
 * names internals and helps no reader. The stored text stays in the database and the logs for the
 * operators.
 */
public final class PublicStatus {
  private static final Pattern INTERNAL =
      Pattern.compile(
          "Exception|Error\\b|\\bjava\\.|\\bjavax?\\.|\\bjakarta\\.|\\borg\\.[a-z]+\\.|\\bat [a-z]+\\.[a-z]|\\$|\\bnull\\b");

  private static final String FAILED = "failed, will retry";

  private PublicStatus() {}

  /** A failure message as a reader sees it; plain phrases a person wrote pass through. */
  public static String of(String message) {
    if (message == null || message.isBlank()) return "";
    // "Only 1 of 3 calendars answered (…): {url=java.net.ConnectException…}": our own sentence
    // stays, the exception text after it is read as a status
    int colon = message.indexOf(": ");
    if (colon > 0) {
      String lead = message.substring(0, colon);
      if (!lead.contains("://") && !INTERNAL.matcher(lead).find()) {
        String details = of(message.substring(colon + 2));
        return details.equals(FAILED) ? lead + " (will retry)" : lead + ": " + details;
      }
    }
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("connect")
        || m.contains("refused")
        || m.contains("unreachable")
        || m.contains("unknownhost")
        || m.contains("unknown host")
        || m.contains("no route")
        || m.contains("reset")) return "unreachable, will retry";
    if (m.contains("timeout") || m.contains("timed out") || m.contains("time out"))
      return "did not answer in time, will retry";
    if (m.contains("too large") || m.contains("too_large"))
      return "answered with more data than a proof can be; refused";
    if (INTERNAL.matcher(message).find()) return FAILED;
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }
}
