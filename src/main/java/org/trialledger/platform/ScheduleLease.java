package org.trialledger.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Once per cluster per period (issue 21): every instance runs the same schedules, and before a run
 * each asks for the schedule's lease; one instance gets it until it expires, the others skip that
 * run. The lease is a row ({@code schedule_lease}) taken by a conditional UPDATE, which
 * PostgreSQL's row lock lets succeed for one contender only.
 *
 * <p>Why not an advisory lock: a lock only keeps two runs from overlapping; released after a run,
 * it lets the next instance run the same period's work again a second later. Held for a whole run,
 * it pins a pooled connection (session lock) or keeps a transaction open across calls to calendars
 * and witnesses (transaction lock). A lease says "this period is taken", survives in the database
 * for an operator to read (owner, expiry), frees itself when its holder dies (kill -9: the next
 * period goes to another instance), and works on H2 as well. Times come from the instances' clocks:
 * skew between them shortens or lengthens a period by the skew (NTP: ms).
 */
@ApplicationScoped
public class ScheduleLease {
  private static final Logger LOG = Logger.getLogger(ScheduleLease.class.getName());
  private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  @Inject private Clock clock;

  /**
   * Whether this instance holds {@code name} for {@code period} from now; only then may the caller
   * run. Never throws: a database that does not answer means "not this time".
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public boolean acquire(String name, Duration period) {
    try (Connection c = dataSource.getConnection()) {
      return acquire(c, name, OWNER, clock.instant(), period);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not take the lease " + name + "; skipping this run", e);
      return false;
    }
  }

  /** The lease on {@code connection} (auto-commit), as {@code owner} at {@code now}. */
  public static boolean acquire(
      Connection connection, String name, String owner, Instant now, Duration period)
      throws SQLException {
    if (take(connection, name, owner, now, period)) return true;
    // a lease no migration created: create it expired, then contend like everyone else
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO schedule_lease (name, owner, acquired_at, expires_at)"
                + " SELECT ?, '', ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM schedule_lease WHERE name = ?)")) {
      Timestamp epoch = Timestamp.from(Instant.EPOCH);
      p.setString(1, name);
      p.setTimestamp(2, epoch);
      p.setTimestamp(3, epoch);
      p.setString(4, name);
      if (p.executeUpdate() == 0) return false; // it exists: someone holds it
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) throw e; // another instance created it first
    }
    return take(connection, name, owner, now, period);
  }

  private static boolean take(
      Connection connection, String name, String owner, Instant now, Duration period)
      throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "UPDATE schedule_lease SET owner = ?, acquired_at = ?, expires_at = ?"
                + " WHERE name = ? AND expires_at <= ?")) {
      p.setString(1, owner);
      p.setTimestamp(2, Timestamp.from(now));
      p.setTimestamp(3, Timestamp.from(now.plus(period)));
      p.setString(4, name);
      p.setTimestamp(5, Timestamp.from(now));
      return p.executeUpdate() == 1;
    }
  }
}
