package org.trialledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInHtmlTest {
  static final List<String> PAYLOADS =
      List.of(
          "</script><script>alert(1)</script>",
          "</SCRIPT ><img src=x onerror=alert(1)>",
          "<!-- <script>",
          "line\u2028separator\u2029paragraph",
          "\"double\" and 'single' quotes",
          "a & b &amp; &lt;",
          "]]><script>alert(1)</script>",
          "back\\slash \\u003c already escaped");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void nothingCanEndTheScriptOrStartMarkupAndTheValueIsUnchanged() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("labels", PAYLOADS);
    value.put("data", List.of(1, 2, 3));
    String raw = json.writeValueAsString(value);
    assertTrue(raw.contains("</script>"), "the JSON encoder alone leaves it in");

    String escaped = JsonInHtml.escape(raw);
    for (String forbidden : List.of("<", ">", "&", "'", "\u2028", "\u2029")) {
      assertFalse(escaped.contains(forbidden), forbidden + " in " + escaped);
    }
    assertEquals(value, json.readValue(escaped, Map.class), "parses to the same value");
    String page = "<script>PrimeFaces.cw('Chart','w',{config:" + escaped + "});</script>";
    assertEquals(page.indexOf("</script>"), page.lastIndexOf("</script>"), "only the real end tag");
  }

  @Test
  void eachCharacterHasItsJsonEscape() {
    assertEquals(
        "\"\\u003c/script\\u003e\\u0026\\u0027\\u2028\\u2029\"",
        JsonInHtml.escape("\"</script>&'\u2028\u2029\""));
    assertEquals(
        "{\"a\":[1,\"\\\"q\\\"\"]}",
        JsonInHtml.escape("{\"a\":[1,\"\\\"q\\\"\"]}"),
        "quotes stay JSON-escaped, untouched");
    assertNull(JsonInHtml.escape(null));
  }
}
