package org.trialledger.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesWhatEndsTextOrAnAttribute() {
    assertEquals(
        "&lt;script&gt;a(&quot;1&quot;, &#39;2&#39;) &amp;&amp; b&lt;/script&gt;",
        Html.escape("<script>a(\"1\", '2') && b</script>"));
    assertEquals("", Html.escape(null));
    assertEquals("Côte d&#39;Ivoire · x", Html.escape("Côte d'Ivoire · x"));
  }

  @Test
  void plainTextIsReturnedAsItIs() {
    String plain = "Walking after a stroke";
    assertSame(plain, Html.escape(plain));
  }
}
