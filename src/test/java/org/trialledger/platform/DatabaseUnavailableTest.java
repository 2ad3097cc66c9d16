package org.trialledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15, finding 6 ("the API answered 500 'Something went wrong'"): which failures mean the
 * database cannot serve us now (503), as the drivers, Hibernate and the server wrap them, and which
 * do not (they stay 4xx or 500).
 */
class DatabaseUnavailableTest {

  static Stream<Arguments> unavailable() {
    return Stream.of(
        Arguments.of("PostgreSQL connection refused", new SQLException("refused", "08001")),
        Arguments.of("PostgreSQL connection broken", new SQLException("I/O error", "08006")),
        Arguments.of("pg_terminate_backend", new SQLException("terminating connection", "57P01")),
        Arguments.of("server starting up", new SQLException("starting", "57P03")),
        Arguments.of("too many connections", new SQLException("too many", "53300")),
        Arguments.of("lock timeout", new SQLException("lock timeout", "55P03")),
        Arguments.of("statement timeout", new SQLException("canceling statement", "57014")),
        Arguments.of("H2 lock timeout", new SQLException("Timeout trying to lock", "HYT00", 50200)),
        Arguments.of("H2 connection broken", new SQLException("broken", "90067", 90067)),
        Arguments.of("H2 database closed", new SQLException("closed", "90098", 90098)),
        Arguments.of(
            "Hibernate's connection exception",
            new JDBCConnectionException("could not prepare", new SQLException("x", "08003"))),
        Arguments.of("JPA lock timeout", new LockTimeoutException("lock")),
        Arguments.of("JPA query timeout", new QueryTimeoutException("slow")),
        Arguments.of("transient connection", new SQLTransientConnectionException("gone")),
        Arguments.of("socket refused", new ConnectException("Connection refused")),
        Arguments.of(
            "the pool's allocation failure (no SQLState)",
            new SQLException("Error in allocating a connection", new PoolingException("empty"))),
        Arguments.of(
            "wrapped by JPA, JTA and EJB",
            ejbRollback(
                new PersistenceException(
                    "could not execute", new SQLException("canceling", "55P03")))),
        Arguments.of("a batch's next exception", batchWithNext(new SQLException("gone", "08006"))),
        Arguments.of("suppressed while closing", suppressed(new SQLException("gone", "57P01"))));
  }

  static Stream<Arguments> available() {
    return Stream.of(
        Arguments.of("unique violation", new SQLException("duplicate", "23505")),
        Arguments.of("value too long", new SQLException("too long", "22001")),
        Arguments.of("syntax error", new SQLException("syntax", "42601")),
        Arguments.of("deadlock (retry is not waiting)", new SQLException("deadlock", "40P01")),
        Arguments.of("no SQLState", new SQLException("odd")),
        Arguments.of("a bug", new IllegalStateException("bug")),
        Arguments.of("not found", new NotFoundException("no such trial")),
        Arguments.of(
            "a constraint wrapped", new PersistenceException(new SQLException("fk", "23503"))),
        Arguments.of(
            "a batch of rule violations", batchWithNext(new SQLException("dup", "23505"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unavailable")
  void databaseUnavailable(String name, Throwable failure) {
    assertTrue(DatabaseUnavailable.isCause(failure), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("available")
  void otherFailures(String name, Throwable failure) {
    assertFalse(DatabaseUnavailable.isCause(failure), name);
  }

  @Test
  void aCycleInTheCauseChainEnds() {
    SQLException a = new SQLException("a", "23505");
    SQLException b = new SQLException("b", "23505");
    a.initCause(b);
    b.setNextException(a);
    assertFalse(DatabaseUnavailable.isCause(a));
  }

  @Test
  void theProblemIs503() {
    assertEquals(503, DatabaseUnavailable.problem().status());
  }

  private static EJBException ejbRollback(Exception cause) {
    RollbackException rollback = new RollbackException("rolled back");
    rollback.initCause(cause);
    return new EJBException(rollback);
  }

  private static BatchUpdateException batchWithNext(SQLException next) {
    BatchUpdateException batch = new BatchUpdateException("batch", "", 0, new int[0], null);
    batch.setNextException(next);
    return batch;
  }

  private static Exception suppressed(SQLException e) {
    IllegalStateException failure = new IllegalStateException("while closing");
    failure.addSuppressed(e);
    return failure;
  }

  /** Named as the server's pool exception is, which the application cannot import. */
  static final class PoolingException extends Exception {
    PoolingException(String message) {
      super(message);
    }
  }
}
