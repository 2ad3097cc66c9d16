package org.trialledger.ledger.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.Hash;

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation of a JSON value given as Java values:
 * {@code Map} with String keys (objects), {@code List} (arrays), {@code String}, {@code Boolean},
 * {@code null}, and integral numbers ({@code Integer}, {@code Long}, {@code BigInteger}, integral
 * {@code BigDecimal}) within ±2^53, which JCS writes as plain decimals.
 *
 * <p>Non-integral numbers are refused rather than risk a rendering that differs from ECMAScript's:
 * records hashed by this registry carry decimals as strings. Object members are sorted by their
 * keys' UTF-16 code units; strings use the minimal JSON escapes, other control characters as
 * lower-case {@code \\u00xx}.
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  public static byte[] bytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 of the canonical UTF-8 bytes. */
  public static Hash hash(Object value) {
    return Hash.sha256(bytes(value));
  }

  private static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte) {
      integer(BigInteger.valueOf(((Number) v).longValue()), out);
    } else if (v instanceof BigInteger bi) {
      integer(bi, out);
    } else if (v instanceof BigDecimal bd) {
      try {
        integer(bd.toBigIntegerExact(), out);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "Non-integral numbers are not canonicalised here; encode " + bd + " as a string");
      }
    } else if (v instanceof Map<?, ?> map) {
      object(map, out);
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(',');
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + v.getClass().getName());
    }
  }

  private static void integer(BigInteger i, StringBuilder out) {
    if (i.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
      throw new IllegalArgumentException(
          "Integers beyond ±2^53 lose precision in JSON; encode " + i + " as a string");
    }
    out.append(i.toString());
  }

  private static void object(Map<?, ?> map, StringBuilder out) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object k : map.keySet()) {
      if (!(k instanceof String s))
        throw new IllegalArgumentException("JSON object keys are strings");
      keys.add(s);
    }
    keys.sort(
        String::compareTo); // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3
    // requires
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) out.append(',');
      string(keys.get(i), out);
      out.append(':');
      write(map.get(keys.get(i)), out);
    }
    out.append('}');
  }

  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c)) {
            boolean paired =
                Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (!paired)
              throw new IllegalArgumentException(
                  "A string holds a lone surrogate, which is not valid Unicode");
            out.append(c).append(s.charAt(++i));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
