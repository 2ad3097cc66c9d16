package org.trialledger.registry.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the registry's records (Java records of strings, numbers, booleans, enums, {@link
 * PartialDate}s, lists and nested records) into JSON values for {@code CanonicalJson} and back.
 * Null fields and empty lists are left out, so that an unset item hashes the same however a client
 * spelled "nothing".
 *
 * <p>Decoding is strict: an unknown member, a wrong type or an unknown enum value is an {@link
 * InvalidRecordException} naming the path, never a silent default.
 */
public final class RecordCodec {
  private RecordCodec() {}

  /** The JSON value (Map/List/String/Long/Boolean) of a record. */
  public static Map<String, Object> encode(Record record) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value(record);
    return map;
  }

  private static Object value(Object v) {
    if (v == null) return null;
    if (v instanceof String || v instanceof Boolean || v instanceof Long) return v;
    if (v instanceof Integer i) return i.longValue();
    if (v instanceof Enum<?> e) return e.name();
    if (v instanceof PartialDate d) return d.value();
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(value(item));
      return out;
    }
    if (v instanceof Record r) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object member = value(read(c, r));
        if (member == null || (member instanceof List<?> l && l.isEmpty())) continue;
        if (member instanceof Map<?, ?> m && m.isEmpty()) continue;
        out.put(c.getName(), member);
      }
      return out;
    }
    throw new IllegalArgumentException("Cannot encode " + v.getClass().getName());
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A record of type {@code type} from a parsed JSON object. */
  public static <T extends Record> T decode(Object json, Class<T> type) {
    return type.cast(convert(json, type, "$"));
  }

  private static Object convert(Object json, Type type, String path) {
    if (json == null) return null;
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      if (!(json instanceof List<?> list)) throw wrong(path, "a list");
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++)
        out.add(convert(list.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]"));
      return out;
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class) {
      if (!(json instanceof String s)) throw wrong(path, "text");
      return s;
    }
    if (cls == Boolean.class) {
      if (!(json instanceof Boolean b)) throw wrong(path, "true or false");
      return b;
    }
    if (cls == Integer.class) return integer(json, path);
    if (cls == PartialDate.class) {
      if (!(json instanceof String s)) throw wrong(path, "a date YYYY-MM or YYYY-MM-DD");
      try {
        return new PartialDate(s);
      } catch (IllegalArgumentException e) {
        throw new InvalidRecordException(List.of(new FieldError(trim(path), e.getMessage())));
      }
    }
    if (cls.isEnum()) {
      if (!(json instanceof String s)) throw wrong(path, "text");
      for (Object constant : cls.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(s)) return constant;
      }
      throw new InvalidRecordException(
          List.of(
              new FieldError(trim(path), "Unknown value \"" + s + "\"; use one of " + names(cls))));
    }
    if (cls.isRecord()) return record(json, cls, path);
    throw new IllegalArgumentException("Cannot decode into " + cls.getName());
  }

  private static Object record(Object json, Class<?> cls, String path) {
    if (!(json instanceof Map<?, ?> map)) throw wrong(path, "an object");
    RecordComponent[] components = cls.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    List<String> known = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      known.add(c.getName());
      types[i] = c.getType();
      args[i] = convert(map.get(c.getName()), c.getGenericType(), path + "." + c.getName());
    }
    for (Object key : map.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidRecordException(
            List.of(new FieldError(trim(path + "." + key), "Unknown field")));
      }
    }
    try {
      Constructor<?> constructor = cls.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new InvalidRecordException(
          List.of(new FieldError(trim(path), e.getCause().getMessage())));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Integer integer(Object json, String path) {
    BigInteger value;
    if (json instanceof Long l) value = BigInteger.valueOf(l);
    else if (json instanceof BigInteger b) value = b;
    else if (json instanceof BigDecimal d) {
      try {
        value = d.toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw wrong(path, "a whole number");
      }
    } else throw wrong(path, "a whole number");
    if (value.bitLength() > 31) throw wrong(path, "a whole number below 2^31");
    return value.intValue();
  }

  private static InvalidRecordException wrong(String path, String expected) {
    return new InvalidRecordException(List.of(new FieldError(trim(path), "Must be " + expected)));
  }

  private static String trim(String path) {
    return path.startsWith("$.") ? path.substring(2) : path;
  }

  private static String names(Class<?> enumType) {
    List<String> names = new ArrayList<>();
    for (Object c : enumType.getEnumConstants()) names.add(((Enum<?>) c).name());
    return String.join(", ", names);
  }
}
