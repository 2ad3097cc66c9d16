package org.trialledger.site.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.registry.api.JsonBody;

/**
 * Reading the small JSON bodies of the site API: the registry's {@link JsonBody} reader, by static
 * import.
 */
final class SiteJson {
  private SiteJson() {}

  static Map<?, ?> object(String body) {
    return JsonBody.parse(body).members();
  }

  static String text(Map<?, ?> m, String name) {
    return JsonBody.of(m).text(name);
  }

  /** An id: a whole number from 1 on. */
  static long number(Map<?, ?> m, String name) {
    return JsonBody.of(m).id(name);
  }

  /** A whole number in {@code [min, max]}; anything else is refused, never wrapped. */
  static int integer(Map<?, ?> m, String name, int min, int max) {
    return JsonBody.of(m).integer(name, min, max);
  }

  static LocalDate date(Map<?, ?> m, String name) {
    return JsonBody.of(m).date(name);
  }

  static Instant instant(Map<?, ?> m, String name) {
    return JsonBody.of(m).instant(name);
  }

  static <E extends Enum<E>> E choice(Map<?, ?> m, String name, Class<E> type) {
    return JsonBody.of(m).choice(name, type);
  }

  static String write(Object value) {
    return CanonicalJson.write(value);
  }
}
