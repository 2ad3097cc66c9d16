package org.trialledger.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
