package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;

/** Checks on rendered pages. */
public final class Pages {
  /** A Java stack frame such as "at org.example.Foo.bar(Foo.java:12)" or "Caused by: ...". */
  private static final Pattern STACK_FRAME =
      Pattern.compile(
          "at [\\w$]+(\\.[\\w$]+)+\\((\\w+\\.java:\\d+|Native Method|Unknown Source)\\)|Caused by: |\\.java:\\d+");

  private Pages() {}

  public static void assertNoStackTrace(String html) {
    assertFalse(STACK_FRAME.matcher(html).find(), "the page shows a stack trace");
    assertFalse(
        html.contains("IndexOutOfBounds") || html.contains("PropertyNotFound"),
        "the page names the error");
  }
}
