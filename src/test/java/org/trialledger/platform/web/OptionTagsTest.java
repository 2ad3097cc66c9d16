package org.trialledger.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.faces.model.SelectItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionTagsTest {
  private static final List<SelectItem> ITEMS =
      List.of(new SelectItem("CI", "Côte d'Ivoire"), new SelectItem("DE", "Germany"));

  @Test
  void marksTheSelectedValueAndEscapesValuesAndLabels() {
    assertEquals(
        "<option value=\"CI\">Côte d&#39;Ivoire</option>"
            + "<option value=\"DE\" selected=\"selected\">Germany</option>",
        OptionTags.of(ITEMS, "DE"));
  }

  @Test
  void aSelectedValueThatIsNoOptionSelectsNothingAndIsNeverWritten() {
    String html = OptionTags.of(ITEMS, "\"><script>alert(1)</script>");
    assertEquals(
        "<option value=\"CI\">Côte d&#39;Ivoire</option><option value=\"DE\">Germany</option>",
        html);
  }

  @Test
  void markupInAnOptionIsText() {
    assertEquals(
        "<option value=\"a&quot;b\">&lt;b&gt;x &amp; y&lt;/b&gt;</option>",
        OptionTags.of(List.of(new SelectItem("a\"b", "<b>x & y</b>")), null));
  }

  @Test
  void preparedOptionsServeEverySelection() {
    OptionTags prepared = OptionTags.prepare(ITEMS);
    assertEquals(
        "<option value=\"CI\" selected=\"selected\">Côte d&#39;Ivoire</option>"
            + "<option value=\"DE\">Germany</option>",
        prepared.render("CI"));
    assertEquals(
        "<option value=\"CI\">Côte d&#39;Ivoire</option>"
            + "<option value=\"DE\" selected=\"selected\">Germany</option>",
        prepared.render("DE"));
  }
}
