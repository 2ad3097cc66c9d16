package org.trialledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Screenshots for closing notes (issue 17): the page at 1400 and 390 px wide, saved under
 * target/screenshots with its layout figures (page width against the window, the element's box),
 * then back to the tests' usual window.
 */
final class Screenshots {
  private Screenshots() {}

  static void save(WebDriver driver, String name, String elementId) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      StringBuilder facts = new StringBuilder();
      for (int width : new int[] {1400, 390}) {
        driver.manage().window().setSize(new Dimension(width, 900));
        Object layout =
            ((JavascriptExecutor) driver)
                .executeScript(
                    "var e = document.getElementById(arguments[0]);"
                        + "if (e) e.scrollIntoView({block:'start'});"
                        + "var r = e ? e.getBoundingClientRect() : null;"
                        + "return 'window ' + window.innerWidth + ' page ' + document.documentElement.scrollWidth"
                        + " + (r ? ' element ' + Math.round(r.left) + '..' + Math.round(r.right) : '');",
                    elementId);
        facts.append(width).append(": ").append(layout).append('\n');
        Files.write(
            dir.resolve(name + "-" + width + ".png"),
            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      }
      Files.writeString(dir.resolve(name + ".txt"), facts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }
}
