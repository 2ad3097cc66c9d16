package org.trialledger.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Deque's axe-core (the engine ships inside the test jar; nothing is downloaded) run on the page a
 * browser shows, against WCAG 2.1 A and AA.
 */
final class Accessibility {
  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  private Accessibility() {}

  /** The serious and critical violations on the current page, each with the elements it names. */
  static List<String> seriousViolations(WebDriver driver) {
    settle(driver);
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    return results.getViolations().stream()
        .filter(r -> BLOCKING.contains(r.getImpact()))
        .map(r -> describe(driver.getCurrentUrl(), r))
        .toList();
  }

  /**
   * A page says what it is in one top-level heading (axe only calls a missing one "moderate"; a
   * screen-reader user jumps to it first).
   */
  static List<String> headingOneProblems(WebDriver driver) {
    long h1 =
        ((Number)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('h1'))"
                            + ".filter(function (e) { return e.offsetParent !== null; }).length;"))
            .longValue();
    return h1 == 1
        ? List.of()
        : List.of(driver.getCurrentUrl() + " has " + h1 + " visible h1 headings, not one");
  }

  /**
   * The current page at a 390 px phone width: empty when nothing makes the page wider than the
   * screen (WCAG 1.4.10 reflow; a wide table scrolls inside its own box, not the page), else what
   * does. The window is put back to its former size.
   */
  static List<String> sidewaysScrollingOnAPhone(WebDriver driver) {
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      JavascriptExecutor js = (JavascriptExecutor) driver;
      Object widest =
          js.executeScript(
              "var w = document.documentElement.clientWidth;"
                  + "if (document.documentElement.scrollWidth <= w) return null;"
                  + "var wide = Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                  + "  return e.getBoundingClientRect().right > w + 1; });"
                  // the innermost ones: an element none of whose children is also too wide
                  + "var out = wide.filter(function (e) {"
                  + "  return !wide.some(function (o) { return o !== e && e.contains(o); }); })"
                  + "  .slice(0, 5).map(function (e) {"
                  + "    return (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className)"
                  + "      + ' right edge ' + Math.round(e.getBoundingClientRect().right); });"
                  // text wider than its own box (a long hash in a paragraph) widens no element
                  + "if (out.length === 0) out = Array.from(document.querySelectorAll('body *'))"
                  + "  .filter(function (e) { return e.scrollWidth > e.clientWidth + 1"
                  + "    && getComputedStyle(e).overflowX === 'visible'; })"
                  + "  .slice(-5).map(function (e) { return (e.id ? '#' + e.id : e.tagName.toLowerCase()"
                  + "    + '.' + e.className) + ' text ' + e.scrollWidth + ' px in ' + e.clientWidth; });"
                  + "return document.documentElement.scrollWidth + ' px wide in ' + w + ': '"
                  + "  + out.join(', ');");
      return widest == null
          ? List.of()
          : List.of(driver.getCurrentUrl() + " scrolls sideways at 390 px: " + widest);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /**
   * Waits until no jQuery animation runs: colours read halfway through a fade (a growl appearing)
   * are not the ones people read.
   */
  private static void settle(WebDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return !window.jQuery || jQuery(':animated').length === 0;")));
  }

  private static String describe(String url, Rule r) {
    return url
        + " "
        + r.getImpact()
        + " "
        + r.getId()
        + " ("
        + r.getHelp()
        + "): "
        + r.getNodes().stream()
            .limit(5)
            .map(n -> n.getTarget() + " " + shortened(n.getHtml()))
            .collect(Collectors.joining(", "));
  }

  /** Enough of the element's markup to find it in the page source. */
  private static String shortened(String html) {
    String one = String.valueOf(html).replaceAll("\\s+", " ");
    return one.length() <= 160 ? one : one.substring(0, 160) + "…";
  }
}
