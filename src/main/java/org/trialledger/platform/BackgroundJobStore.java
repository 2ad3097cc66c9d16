package org.trialledger.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Background jobs as rows (issue 21), so that any instance shows a job another instance runs. The
 * running instance writes the job's state and its context's own description of the progress ({@code
 * detail}, JSON) about once a second, and the result when there is one; a RUNNING row not written
 * for {@link #STALE} belongs to an instance that stopped. Outside the caller's transaction:
 * progress must be visible while the job's own work is still uncommitted.
 */
@ApplicationScoped
public class BackgroundJobStore {
  /** Ten missed progress writes: the instance is gone (or stalled). */
  public static final Duration STALE = Duration.ofSeconds(10);

  private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  @Inject private Clock clock;

  /** A stored job; {@code stale} when RUNNING but no longer written by its instance. */
  public record Job(
      String id,
      String kind,
      String subject,
      String owner,
      String instance,
      String state,
      String detail,
      Instant startedAt,
      Instant updatedAt,
      boolean stale) {}

  /** Creates or overwrites the job's row (the result is kept unless {@code result} is given). */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void save(
      String id,
      String kind,
      String subject,
      String owner,
      String state,
      String detail,
      Instant startedAt,
      byte[] result) {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "UPDATE background_job SET state = ?, detail = ?, updated_at = ?"
                  + (result == null ? "" : ", result = ?")
                  + " WHERE id = ?")) {
        int i = 1;
        p.setString(i++, state);
        p.setString(i++, detail);
        p.setTimestamp(i++, now);
        if (result != null) p.setBytes(i++, result);
        p.setString(i, id);
        if (p.executeUpdate() == 1) return;
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO background_job (id, kind, subject, owner, instance, state, detail,"
                  + " result, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setString(1, id);
        p.setString(2, kind);
        p.setString(3, subject);
        p.setString(4, owner);
        p.setString(5, INSTANCE);
        p.setString(6, state);
        p.setString(7, detail);
        p.setBytes(8, result);
        p.setTimestamp(9, Timestamp.from(startedAt));
        p.setTimestamp(10, now);
        p.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store background job " + id, e);
    }
  }

  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Job> find(String id) {
    return one("SELECT " + COLUMNS + " FROM background_job WHERE id = ?", id);
  }

  /** The most recently started job of {@code kind}. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Job> latest(String kind) {
    return one(
        "SELECT "
            + COLUMNS
            + " FROM background_job WHERE kind = ? ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY",
        kind);
  }

  /** The job's result (a finished package), if stored. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<byte[]> result(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p =
            c.prepareStatement("SELECT result FROM background_job WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read background job " + id, e);
    }
  }

  private static final String COLUMNS =
      "id, kind, subject, owner, instance, state, detail, started_at, updated_at";

  private Optional<Job> one(String sql, String param) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, param);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        Instant updated = rs.getTimestamp(9).toInstant();
        String state = rs.getString(6);
        boolean stale = "RUNNING".equals(state) && updated.plus(STALE).isBefore(clock.instant());
        return Optional.of(
            new Job(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                state,
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                updated,
                stale));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read background jobs", e);
    }
  }
}
