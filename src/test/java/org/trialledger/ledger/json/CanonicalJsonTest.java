package org.trialledger.ledger.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples, and cross-checks against an independent JCS implementation (erdtman). */
class CanonicalJsonTest {

  @Test
  void rfc8785SortingExample() {
    // RFC 8785 §3.2.3: keys sorted by UTF-16 code units, including non-BMP and non-ASCII keys.
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("\u20ac", "Euro Sign");
    m.put("\r", "Carriage Return");
    m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    m.put("1", "One");
    m.put("\ud83d\ude00", "Emoji: Grinning Face");
    m.put("\u0080", "Control");
    m.put("\u00f6", "Latin Small Letter O With Diaeresis");
    assertEquals(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        CanonicalJson.write(m));
  }

  @Test
  void rfc8785StringEscapes() {
    // RFC 8785 §3.2.2.2 example strings.
    assertEquals("\"\\u000f\\n\\\"A'B\\\\\\\"/\"", CanonicalJson.write("\u000f\n\"A'B\\\"/"));
    assertEquals(
        "\"\u20ac$\u000f\"".replace("\u000f", "\\u000f"), CanonicalJson.write("\u20ac$\u000f"));
  }

  @Test
  void agreesWithAnIndependentImplementationOnRandomDocuments() throws Exception {
    Random random = new Random(8785);
    for (int i = 0; i < 300; i++) {
      Map<String, Object> doc =
          new LinkedHashMap<>(); // the other implementation wants an object at the top
      doc.put("doc", randomValue(random, 0));
      String ours = CanonicalJson.write(doc);
      String theirs = new JsonCanonicalizer(ours).getEncodedString();
      assertEquals(theirs, ours);
    }
  }

  @Test
  void refusesWhatItCannotCanonicaliseExactly() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new BigDecimal("1.5")));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1L << 60));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write("\ud800"));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
  }

  @Test
  void commitmentsDependOnTheSalt() {
    Map<String, Object> record = Map.of("subject", "P-0042", "consented", true);
    Commitment a = Commitment.commit(record, new SecureRandom());
    Commitment b = Commitment.commit(record, new SecureRandom());
    assertNotEquals(a.value(), b.value());
    assertEquals(a.value(), Commitment.of(a.salt(), record));
  }

  private static Object randomValue(Random r, int depth) {
    int kind = depth > 3 ? r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0:
        return randomString(r);
      case 1:
        return (long) (r.nextInt() * (r.nextBoolean() ? 1 : 1000));
      case 2:
        return r.nextBoolean();
      case 3:
        return null;
      case 4:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int i = r.nextInt(5); i > 0; i--) m.put(randomString(r), randomValue(r, depth + 1));
          return m;
        }
      default:
        return Arrays.asList(
            randomValue(r, depth + 1), randomValue(r, depth + 1)); // may hold nulls
    }
  }

  private static String randomString(Random r) {
    String alphabet = "aZ09 \"\\/\n\t\u0001\u007f\u00e9\u20ac\ufb33\ud83d\ude00";
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) {
      int at = r.nextInt(alphabet.length());
      if (Character.isHighSurrogate(alphabet.charAt(at))) {
        b.append(alphabet, at, at + 2);
      } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
        b.append(alphabet.charAt(at));
      }
    }
    return b.toString();
  }
}
