package org.trialledger.ledger.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into Java values: objects as {@code Map<String, Object>} (in document
 * order), arrays as {@code List}, strings, {@code Boolean}, {@code null}, integers as {@code Long}
 * or {@code BigInteger}, other numbers as {@code BigDecimal}. Refuses duplicate keys, lone
 * surrogates, nesting deeper than 64, and anything after the value but white space.
 *
 * <p>Numbers are bounded before they are converted: at most 40 characters, and a magnitude between
 * 10^-400 and 10^400. Converting a long digit string costs quadratic time, and {@code 1e999999999}
 * is a dozen bytes whose exact integer value would take hours to compute; no value we read comes
 * near either.
 */
public final class JsonParser {
  private static final int MAX_DEPTH = 64;
  static final int MAX_NUMBER_CHARS = 40;
  static final int MAX_MAGNITUDE = 400;

  private final String text;
  private int pos;

  private JsonParser(String text) {
    this.text = text;
  }

  public static Object parse(String text) {
    JsonParser p = new JsonParser(text);
    p.skipWhitespace();
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos != text.length()) throw p.error("unexpected content after the JSON value");
    return value;
  }

  private Object value(int depth) {
    if (depth >= MAX_DEPTH) throw error("nested too deeply");
    if (pos >= text.length()) throw error("unexpected end of input");
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') throw error("expected a string key");
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (map.containsKey(key)) throw error("duplicate key \"" + key + "\"");
      map.put(key, value(depth + 1));
      skipWhitespace();
      char c = next();
      if (c == '}') return map;
      if (c != ',') throw error("expected ',' or '}'");
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth + 1));
      skipWhitespace();
      char c = next();
      if (c == ']') return list;
      if (c != ',') throw error("expected ',' or ']'");
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') break;
      if (c < 0x20) throw error("control character in a string");
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) throw error("truncated \\u escape");
          try {
            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
    String s = b.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else if (Character.isSurrogate(c)) throw error("lone surrogate in a string");
    }
    return s;
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') pos++;
    if (peek() == '0') {
      pos++;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') pos++;
    } else {
      throw error("bad number");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!(peek() >= '0' && peek() <= '9')) throw error("bad fraction");
      while (peek() >= '0' && peek() <= '9') pos++;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') pos++;
      if (!(peek() >= '0' && peek() <= '9')) throw error("bad exponent");
      while (peek() >= '0' && peek() <= '9') pos++;
    }
    if (pos - start > MAX_NUMBER_CHARS) {
      pos = start;
      throw error("number longer than " + MAX_NUMBER_CHARS + " characters");
    }
    String n = text.substring(start, pos);
    if (!integral) {
      BigDecimal d;
      try {
        d = new BigDecimal(n);
      } catch (NumberFormatException exponentBeyondInt) {
        pos = start;
        throw error("number out of range");
      }
      long magnitude =
          (long) d.precision() - d.scale(); // digits before the decimal point, as a power of ten
      if (d.signum() != 0 && Math.abs(magnitude) > MAX_MAGNITUDE) {
        pos = start;
        throw error("number out of range");
      }
      return d;
    }
    BigInteger i = new BigInteger(n);
    return i.bitLength() < 64 ? (Object) i.longValue() : i;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) throw error("unexpected token");
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) throw error("unexpected end of input");
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) throw error("expected '" + c + "'");
  }

  private MalformedJsonException error(String message) {
    return new MalformedJsonException("Invalid JSON at character " + pos + ": " + message);
  }

  /** Text that is not exactly one JSON value. */
  public static final class MalformedJsonException extends IllegalArgumentException {
    public MalformedJsonException(String message) {
      super(message);
    }
  }
}
