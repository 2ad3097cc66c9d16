package org.trialledger.ledger.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

  /**
   * Each of these costs seconds to hours of CPU in a parser that converts first and checks later;
   * here each is refused while reading. (The time limit only stops a regression from hanging the
   * build.)
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"count\":1e10000000}",
        "{\"count\":1e999999999}",
        "{\"count\":-1E+999999999999}",
        "{\"count\":1e-999999999}",
        "[0.00000000000000000000000000000000000000001]",
        "{\"count\":12345678901234567890123456789012345678901}",
      })
  void refusesNumbersBeyondItsBoundsWithoutConvertingThem(String json) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parse(json)));
  }

  @Test
  void refusesAHalfMegabyteDigitString() {
    String digits = "1".repeat(500_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parse(digits)));
  }

  @Test
  void readsEveryNumberWithinItsBounds() {
    assertEquals(
        List.of(
            0L,
            -7L,
            Long.MAX_VALUE,
            new BigDecimal("1.5e399"),
            new BigDecimal("2.5e-399"),
            new BigInteger("1" + "0".repeat(39))),
        JsonParser.parse("[0,-7,9223372036854775807,1.5e399,2.5e-399,1" + "0".repeat(39) + "]"));
    assertEquals(
        Map.of("n", new BigDecimal("0e999999")),
        JsonParser.parse("{\"n\":0e999999}"),
        "zero is zero whatever its exponent");
  }

  @Test
  void refusesNestingDeeperThan64() {
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parse(deep));
    String ok = "[".repeat(64) + "]".repeat(64);
    JsonParser.parse(ok);
  }
}
