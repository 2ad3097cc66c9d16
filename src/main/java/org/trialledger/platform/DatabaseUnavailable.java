package org.trialledger.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.QueryTimeoutException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means "the database cannot serve us now" rather than "this request is wrong" or
 * "our code is wrong": no connection (refused, broken, terminated, the pool empty), or a lock or
 * statement timeout. Such a failure is answered 503 with {@code Retry-After}, never 500. Plain Java
 * on the cause chain (SQLStates and exception types), so that it can be checked without a server.
 */
public final class DatabaseUnavailable {
  /** Seconds a client should wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public static final String TITLE = "Service Unavailable";
  public static final String DETAIL =
      "The database is not available at the moment, so the request was not carried out."
          + " Please try again in a few seconds.";

  /**
   * SQLStates: class 08 is a connection exception; PostgreSQL's 57P01–57P03 (terminated by an
   * administrator, crash, not accepting connections yet), 53300 (too many connections), 55P03 (lock
   * timeout), 57014 (statement timeout, also H2's), 25P03 (idle transaction timeout); H2's HYT00
   * (lock timeout), 90067 (connection broken), 90098 (database closed), 90020 (file in use), 90121
   * (called at shutdown).
   */
  private static final Set<String> STATES =
      Set.of(
          "57P01", "57P02", "57P03", "53300", "55P03", "57014", "25P03", "HYT00", "90067", "90098",
          "90020", "90121");

  /**
   * What the application server throws when it cannot hand out a connection (pool exhausted within
   * the wait time, or the database refused a new one): {@code
   * com.sun.appserv.connectors.internal.api.PoolingException}, {@code
   * jakarta.resource.spi.ResourceAllocationException}. Named, not imported: they are the server's.
   */
  private static final Set<String> POOL_FAILURES =
      Set.of("PoolingException", "ResourceAllocationException");

  private DatabaseUnavailable() {}

  /** True when this failure, or anything in its cause chain, says the database is unavailable. */
  public static boolean isCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return check(failure, seen);
  }

  private static boolean check(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) return false;
    if (unavailable(t)) return true;
    if (t instanceof SQLException sql && check(sql.getNextException(), seen)) return true;
    for (Throwable suppressed : t.getSuppressed()) if (check(suppressed, seen)) return true;
    return check(t.getCause(), seen);
  }

  private static boolean unavailable(Throwable t) {
    if (t instanceof JDBCConnectionException
        || t instanceof LockTimeoutException
        || t instanceof QueryTimeoutException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLTimeoutException
        || t instanceof ConnectException) return true;
    if (POOL_FAILURES.contains(t.getClass().getSimpleName())) return true;
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      return state != null && (state.startsWith("08") || STATES.contains(state));
    }
    return false;
  }

  /** The problem document a program gets. */
  public static Problem problem() {
    return new Problem(503, TITLE, DETAIL);
  }
}
