package org.trialledger.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the read replica, once a second, whether it answers, is a standby, and how far behind the
 * primary it is ({@link ReplicaLag}); {@link PublicReads} routes on the last answer and {@code
 * /health} shows it. A replica that fails a read in a request is taken as down until the next probe
 * finds it well again.
 */
@ApplicationScoped
public class ReplicaMonitor {
  private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class.getName());
  static final int QUERY_TIMEOUT_SECONDS = 2;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource primary;

  @Resource(lookup = ReadDataSourceConfiguration.JNDI_NAME)
  private DataSource replica;

  @Resource private ManagedThreadFactory threads;

  // Optional: MicroProfile Config takes an empty default for no value at all, and fails the
  // deployment
  @Inject
  @ConfigProperty(name = "TRIALLEDGER_DB_READ_URL")
  private Optional<String> readUrl;

  @Inject
  @ConfigProperty(name = "trialledger.db.read.max-lag-ms", defaultValue = "5000")
  private long maxLagMillis;

  @Inject
  @ConfigProperty(name = "trialledger.db.read.probe-interval-ms", defaultValue = "1000")
  private long probeIntervalMillis;

  private final ReplicaLag lag = new ReplicaLag();
  private volatile ReplicaState state = ReplicaState.notConfigured();

  /**
   * The probe's own thread: on the shared one-thread managed scheduler a probe waited behind
   * witness rounds, which wait for the witnesses' answers, and a probe older than {@link
   * #maxAgeMillis()} sends every public read to the primary.
   */
  private ScheduledExecutorService probes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!configured()) return;
    state = ReplicaState.notChecked();
    probes = Executors.newSingleThreadScheduledExecutor(threads);
    probes.scheduleWithFixedDelay(this::probe, 0, probeIntervalMillis, TimeUnit.MILLISECONDS);
    LOG.info(
        "Public reads may use the read replica while it lags less than " + maxLagMillis + " ms");
  }

  @PreDestroy
  void stop() {
    if (probes != null) probes.shutdownNow();
  }

  boolean configured() {
    return readUrl != null && readUrl.filter(url -> !url.isBlank()).isPresent();
  }

  public ReplicaState state() {
    return state;
  }

  public long maxLagMillis() {
    return maxLagMillis;
  }

  /** A probe older than this (three intervals and the query timeout) is not trusted. */
  long maxAgeMillis() {
    return 3 * probeIntervalMillis + 1000L * QUERY_TIMEOUT_SECONDS;
  }

  DataSource dataSource() {
    return replica;
  }

  /** A read on the replica failed in a request: the primary serves until the next good probe. */
  void failed(Throwable e) {
    if (!configured()) return;
    ReplicaState was = state;
    state = ReplicaState.down(System.currentTimeMillis(), "read failed: " + describe(e));
    if (was.reachable())
      LOG.warning("Read replica is down (a read failed); public reads go to the primary: " + e);
  }

  private synchronized void probe() {
    ReplicaState was = state;
    try {
      state = measure();
    } catch (SQLException | RuntimeException e) {
      lag.forget();
      state = ReplicaState.down(System.currentTimeMillis(), describe(e));
    }
    if (was.reachable() != state.reachable())
      LOG.info(
          state.reachable()
              ? "Read replica answers (lag " + state.lagMillis() + " ms)"
              : "Read replica is down; public reads go to the primary: " + state.error());
  }

  private ReplicaState measure() throws SQLException {
    String replayed;
    boolean paused;
    long replayAge;
    try (Connection c = replica.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet r =
          s.executeQuery(
              "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
                  + " CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END,"
                  + " (EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())"
                  + " * 1000)::bigint")) {
        r.next();
        if (!r.getBoolean(1) || r.getString(2) == null) {
          // a promoted standby or the wrong server: its data may differ from the primary's
          lag.forget();
          return ReplicaState.down(System.currentTimeMillis(), "not a standby in recovery");
        }
        replayed = r.getString(2);
        paused = r.getBoolean(3);
        long age = r.getLong(4);
        replayAge = r.wasNull() ? -1 : age;
      }
    }
    String current;
    long behindBytes;
    try (Connection c = primary.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT pg_current_wal_lsn()::text,"
                    + " pg_wal_lsn_diff(pg_current_wal_lsn(), CAST(? AS pg_lsn))::bigint")) {
      s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      s.setString(1, replayed);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        current = r.getString(1);
        behindBytes = Math.max(0, r.getLong(2));
      }
    }
    long now = System.currentTimeMillis();
    long millis = lag.observe(now, ReplicaLag.parseLsn(current), ReplicaLag.parseLsn(replayed));
    return new ReplicaState(true, true, paused, millis, behindBytes, replayAge, now, null);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (message != null && message.length() > 200) message = message.substring(0, 200);
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
