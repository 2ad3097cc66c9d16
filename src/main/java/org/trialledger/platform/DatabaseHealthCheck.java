package org.trialledger.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers a query within {@link #TIMEOUT_SECONDS} and, on PostgreSQL, the
 * tables every write goes to can be written: a lock someone holds on them (an operator's {@code
 * LOCK TABLE}, a long migration) stalls every write, so readiness must say so rather than "UP". The
 * probe takes the lock an INSERT takes and rolls back at once; it never waits longer than the
 * check's own timeout.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
  static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(TIMEOUT_SECONDS);
        s.execute("SELECT 1");
      }
      if (product.toLowerCase().contains("postgres")) probeWriteLocks(c);
      return HealthCheckResponse.named("database").up().withData("product", product).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .withData("sqlState", String.valueOf(e.getSQLState()))
          .build();
    }
  }

  private static void probeWriteLocks(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(TIMEOUT_SECONDS + 1);
      s.execute("SET LOCAL lock_timeout = '" + TIMEOUT_SECONDS + "s'");
      s.execute("LOCK TABLE ledger_entry, audit_event IN ROW EXCLUSIVE MODE");
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }
}
