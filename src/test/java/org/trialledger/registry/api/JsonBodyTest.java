package org.trialledger.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.platform.InvalidFieldsException;
import org.trialledger.platform.MalformedBodyException;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.InvalidRecordException;

class JsonBodyTest {
  @Test
  void aBodyThatIsNotJsonIsABadRequest() {
    for (String body : new String[] {null, "", "{", "{\"a\":1,\"a\":2}", "[1]x", "{\"n\":1e999}"}) {
      MalformedBodyException e =
          assertThrows(
              MalformedBodyException.class, () -> JsonBody.parse(body), String.valueOf(body));
      assertTrue(
          e.getMessage().startsWith("The body is not valid JSON: Invalid JSON at character "),
          e.getMessage());
    }
  }

  @Test
  void aBodyMustBeAnObject() {
    for (String body : new String[] {"[]", "\"text\"", "12", "null"}) {
      assertEquals(
          "The body must be a JSON object",
          assertThrows(MalformedBodyException.class, () -> JsonBody.parse(body)).getMessage());
    }
    assertEquals(
        "The body must be a JSON object: a registration record",
        assertThrows(
                MalformedBodyException.class, () -> JsonBody.parse("[]", "a registration record"))
            .getMessage());
  }

  @Test
  void anOptionalBodyMayBeEmptyButNotWrong() {
    assertTrue(JsonBody.parseOptional(null).members().isEmpty());
    assertTrue(JsonBody.parseOptional("  \n").members().isEmpty());
    assertNull(JsonBody.parseOptional("").string("reason"));
    assertThrows(MalformedBodyException.class, () -> JsonBody.parseOptional("nope"));
    assertThrows(MalformedBodyException.class, () -> JsonBody.parseOptional("[]"));
  }

  @Test
  void textIsAStringOrNull() {
    JsonBody b = JsonBody.parse("{\"a\":\"x\",\"n\":null,\"num\":1,\"list\":[\"x\"],\"yes\":true}");
    assertEquals("x", b.text("a"));
    assertNull(b.text("n"));
    assertNull(b.text("absent"));
    for (String name : List.of("num", "list", "yes")) {
      assertField(name, "Must be text", () -> b.text(name));
      assertField(name, "Must be text", () -> b.string(name));
    }
  }

  @Test
  void textRefusesControlCharactersButTabsAndLineBreaks() {
    JsonBody b =
        JsonBody.parse(
            "{\"ok\":\"a\\tb\\r\\nc\",\"nul\":\"ab\\u0000\",\"bell\":\"\\u0007\",\"c1\":\"x\\u0085\"}");
    assertEquals("a\tb\r\nc", b.text("ok"));
    assertField("nul", "Contains a control character (U+0000) at position 3", () -> b.text("nul"));
    assertField(
        "bell", "Contains a control character (U+0007) at position 1", () -> b.text("bell"));
    assertField("c1", "Contains a control character (U+0085) at position 2", () -> b.text("c1"));
    assertEquals("ab\u0000", b.string("nul"), "string() checks the type only");
  }

  @Test
  void idsAreWholeNumbersFromOne() {
    JsonBody b =
        JsonBody.parse(
            "{\"one\":1,\"big\":9223372036854775807,\"zero\":0,\"neg\":-4,\"frac\":1.5,"
                + "\"exp\":1e2,\"huge\":92233720368547758070,\"text\":\"7\"}");
    assertEquals(1L, b.id("one"));
    assertEquals(Long.MAX_VALUE, b.id("big"));
    for (String name : List.of("zero", "neg", "frac", "exp", "huge", "text", "absent")) {
      assertField(name, "Must be a whole number from 1 on", () -> b.id(name));
    }
  }

  @Test
  void integersStayInTheirRangeAndAreNeverWrapped() {
    JsonBody b =
        JsonBody.parse(
            "{\"lo\":0,\"hi\":10,\"below\":-1,\"above\":11,\"wraps\":4294967296,\"frac\":2.0}");
    assertEquals(0, b.integer("lo", 0, 10));
    assertEquals(10, b.integer("hi", 0, 10));
    for (String name : List.of("below", "above", "wraps", "frac", "absent")) {
      assertField(name, "Must be a whole number from 0 to 10", () -> b.integer(name, 0, 10));
    }
  }

  @Test
  void datesAndInstants() {
    JsonBody b =
        JsonBody.parse(
            "{\"d\":\" 2026-02-28 \",\"blank\":\" \",\"bad\":\"2026-02-30\",\"i\":\"2026-11-24T09:30:00Z\","
                + "\"local\":\"2026-11-24T09:30:00\",\"n\":3}");
    assertEquals(LocalDate.of(2026, 2, 28), b.date("d"));
    assertNull(b.date("blank"));
    assertNull(b.date("absent"));
    assertField("bad", "Write the date as YYYY-MM-DD", () -> b.date("bad"));
    assertField("n", "Must be text", () -> b.date("n"));
    assertEquals(Instant.parse("2026-11-24T09:30:00Z"), b.instant("i"));
    assertField("local", "Write the time as 2026-11-24T09:30:00Z (UTC)", () -> b.instant("local"));
    assertField(
        "absent",
        "Give the date and time (UTC), e.g. 2026-11-24T09:30:00Z",
        () -> b.instant("absent"));
    assertField(
        "blank",
        "Give the date and time (UTC), e.g. 2026-11-24T09:30:00Z",
        () -> b.instant("blank"));
  }

  @Test
  void choicesInAnyCase() {
    JsonBody b =
        JsonBody.parse(
            "{\"lower\":\" major \",\"blank\":\"\",\"bad\":\"minor\",\"n\":1,\"nul\":\"MAJOR\\u0000\"}");
    assertEquals(CommentSeverity.MAJOR, b.choice("lower", CommentSeverity.class));
    assertNull(b.choice("blank", CommentSeverity.class));
    assertNull(b.choice("absent", CommentSeverity.class));
    assertField("bad", "Unknown value minor", () -> b.choice("bad", CommentSeverity.class));
    assertField("n", "Must be text", () -> b.choice("n", CommentSeverity.class));
    assertField(
        "nul",
        "Contains a control character (U+0000) at position 6",
        () -> b.choice("nul", CommentSeverity.class));
  }

  @Test
  void strictChoicesTakeTheNameAlone() {
    JsonBody b =
        JsonBody.parse("{\"ok\":\"Advisory\",\"padded\":\" major \",\"blank\":\"\",\"n\":1}");
    assertEquals(
        CommentSeverity.ADVISORY, b.choice("ok", CommentSeverity.class, "Use MAJOR or ADVISORY"));
    assertNull(b.choice("absent", CommentSeverity.class, "Use MAJOR or ADVISORY"));
    assertField(
        "padded",
        "Use MAJOR or ADVISORY",
        () -> b.choice("padded", CommentSeverity.class, "Use MAJOR or ADVISORY"));
    assertField(
        "blank",
        "Use MAJOR or ADVISORY",
        () -> b.choice("blank", CommentSeverity.class, "Use MAJOR or ADVISORY"));
    assertField(
        "n", "Must be text", () -> b.choice("n", CommentSeverity.class, "Use MAJOR or ADVISORY"));
  }

  /** A 422: one field, with the message the problem document shows. */
  private static void assertField(String field, String message, Runnable read) {
    InvalidFieldsException e = assertThrows(InvalidRecordException.class, read::run, field);
    assertEquals(List.of(new InvalidFieldsException.Field(field, message)), e.fields());
  }
}
