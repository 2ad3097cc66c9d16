package org.trialledger.platform;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long one statement may run and how long it may wait for a lock before the database gives up
 * on it, so that a request never hangs on a stalled or locked database but fails (and is answered
 * 503). Read from MicroProfile Config ({@code trialledger.db.statement-timeout-ms}, {@code
 * trialledger.db.lock-timeout-ms}; environment {@code TRIALLEDGER_DB_STATEMENT_TIMEOUT_MS}, …) and
 * applied to every connection the pool opens: PostgreSQL gets them as start-up options, H2 as
 * session settings.
 */
public record DatabaseTimeouts(long statementMillis, long lockMillis) {
  public static final String STATEMENT_KEY = "trialledger.db.statement-timeout-ms";
  public static final String LOCK_KEY = "trialledger.db.lock-timeout-ms";
  public static final long DEFAULT_STATEMENT_MILLIS = 30_000;
  public static final long DEFAULT_LOCK_MILLIS = 10_000;

  /** A PostgreSQL connection also gives up reading a socket this long after the statement limit. */
  static final long SOCKET_MARGIN_MILLIS = 5_000;

  public DatabaseTimeouts {
    if (statementMillis < 1 || lockMillis < 1)
      throw new IllegalArgumentException("Database timeouts are at least 1 ms");
  }

  /** From the configuration, with the defaults where nothing is set. */
  public static DatabaseTimeouts configured() {
    Function<String, Optional<String>> source;
    try {
      var config = ConfigProvider.getConfig(DatabaseTimeouts.class.getClassLoader());
      source = key -> config.getOptionalValue(key, String.class);
    } catch (RuntimeException | LinkageError noConfig) {
      // Outside a server (tools, tests): the environment alone, named as MicroProfile Config does.
      source =
          key ->
              Optional.ofNullable(
                  System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_')));
    }
    return from(source);
  }

  static DatabaseTimeouts from(Function<String, Optional<String>> source) {
    return new DatabaseTimeouts(
        millis(source, STATEMENT_KEY, DEFAULT_STATEMENT_MILLIS),
        millis(source, LOCK_KEY, DEFAULT_LOCK_MILLIS));
  }

  private static long millis(
      Function<String, Optional<String>> source, String key, long defaultMillis) {
    String value = source.apply(key).map(String::trim).orElse("");
    if (value.isEmpty()) return defaultMillis;
    try {
      long millis = Long.parseLong(value);
      if (millis >= 1) return millis;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be a whole number of milliseconds ≥ 1: " + value);
  }

  /** PostgreSQL's start-up {@code options}, appended to any the URL already carries. */
  public String postgresOptions(String existing) {
    String ours = "-c statement_timeout=" + statementMillis + " -c lock_timeout=" + lockMillis;
    return existing == null || existing.isBlank() ? ours : existing + " " + ours;
  }

  /** Seconds after which a PostgreSQL connection stops waiting for the server to answer at all. */
  public int postgresSocketTimeoutSeconds() {
    return (int) Math.ceil((statementMillis + SOCKET_MARGIN_MILLIS) / 1000.0);
  }

  /** H2's session settings, run on each new connection. */
  public String[] h2Settings() {
    return new String[] {"SET QUERY_TIMEOUT " + statementMillis, "SET LOCK_TIMEOUT " + lockMillis};
  }
}
