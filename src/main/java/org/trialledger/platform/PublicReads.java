package org.trialledger.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Routes a request's public reads to the read replica or the primary ({@link ReadRoute}). The
 * services that serve public reads (search, trial pages, the log, verify lookups) take their entity
 * manager from {@link #entityManager} and wrap each read in {@link #read}; everything else, writes
 * included, keeps the primary's.
 *
 * <p>On the replica, a request reads through one Hibernate session of the application's own
 * persistence unit over one replica connection (no second persistence unit), opened at its first
 * public read and closed when the request ends. The log is append-only, so what the replica shows
 * is never wrong, only possibly older: a read that finds nothing there (a tile of a tree the
 * replica has not replayed, a checkpoint, an entry, a trial) or fails is asked again of the
 * primary, and the rest of the request stays on the primary, so that a checkpoint and the proofs
 * against it come from one place. Outside a request (the integrator, schedules) every read is the
 * primary's.
 */
@ApplicationScoped
public class PublicReads {
  private static final Logger LOG = Logger.getLogger(PublicReads.class.getName());
  private static final ThreadLocal<RequestReads> CURRENT = new ThreadLocal<>();

  @Inject private ReplicaMonitor monitor;

  /** The request's reads, from {@link org.trialledger.platform.web.ReadRoutingFilter}. */
  public Scope begin(boolean signedIn, String method) {
    RequestReads reads = new RequestReads(signedIn, method);
    CURRENT.set(reads);
    return () -> {
      CURRENT.remove();
      reads.close();
    };
  }

  /** Ends a request's reads; never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The entity manager public reads use in this request: the replica's session or {@code primary}.
   */
  public EntityManager entityManager(EntityManager primary) {
    RequestReads r = CURRENT.get();
    if (r == null) return primary;
    Session replica = r.replicaSession(primary);
    return replica == null ? primary : replica;
  }

  /** As {@link #read(Supplier, Predicate)} where only a failure sends the read to the primary. */
  public <T> T read(Supplier<T> read) {
    return read(read, v -> false);
  }

  /**
   * Runs {@code read}; on the replica, runs it again on the primary if it failed or its answer is
   * {@code missing} (not there yet), and keeps the rest of the request on the primary.
   */
  public <T> T read(Supplier<T> read, Predicate<? super T> missing) {
    RequestReads r = CURRENT.get();
    if (r == null || !r.onReplica()) return read.get();
    try {
      T value = read.get();
      if (!missing.test(value)) return value;
    } catch (NotFoundException | RuleViolationException notThereYet) {
      // perhaps written after what the replica has replayed
    } catch (RuntimeException e) {
      if (!r.onReplica()) throw e; // a nested read already went to the primary and failed there
      monitor.failed(e);
      LOG.log(Level.FINE, "A read failed on the replica; asking the primary", e);
    }
    r.toPrimary();
    return read.get();
  }

  /** Whether this request's public reads currently go to the replica (tests, diagnostics). */
  public boolean onReplica() {
    RequestReads r = CURRENT.get();
    return r != null && r.onReplica();
  }

  private final class RequestReads {
    private final boolean signedIn;
    private final String method;
    private ReadRoute.Source source;
    private Connection connection;
    private Session session;

    RequestReads(boolean signedIn, String method) {
      this.signedIn = signedIn;
      this.method = method;
    }

    boolean onReplica() {
      if (source == null) {
        source =
            ReadRoute.decide(
                    signedIn,
                    method,
                    monitor.state(),
                    monitor.maxLagMillis(),
                    System.currentTimeMillis(),
                    monitor.maxAgeMillis())
                .source();
      }
      return source == ReadRoute.Source.REPLICA;
    }

    Session replicaSession(EntityManager primary) {
      if (!onReplica()) return null;
      if (session == null) {
        try {
          connection = monitor.dataSource().getConnection();
          session =
              primary
                  .getEntityManagerFactory()
                  .unwrap(SessionFactory.class)
                  .withOptions()
                  .connection(connection)
                  .autoJoinTransactions(false)
                  .openSession();
          session.setDefaultReadOnly(true);
          session.setHibernateFlushMode(FlushMode.MANUAL);
        } catch (SQLException | RuntimeException e) {
          monitor.failed(e);
          toPrimary();
          return null;
        }
      }
      return session;
    }

    void toPrimary() {
      source = ReadRoute.Source.PRIMARY;
      close();
    }

    void close() {
      try {
        if (session != null && session.isOpen()) session.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Closing the replica session", e);
      }
      session = null;
      try {
        if (connection != null) connection.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "Returning the replica connection", e);
      }
      connection = null;
    }
  }
}
