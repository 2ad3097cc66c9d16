package org.trialledger.it.support;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.naming.InitialContext;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.audit.store.AuditEventInsert;
import org.trialledger.security.application.NewOrganisation;
import org.trialledger.security.application.UserAdministration;
import org.trialledger.security.domain.OrganisationKind;

/**
 * Test-only endpoints, added to the deployment by the integration tests and never part of the WAR:
 * they drive the real services inside the server (transactions that roll back, writers on many
 * threads).
 */
@Path("/it/ledger")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LedgerTestResource {
  @Inject private UserAdministration administration;
  @Inject private AuditTrail trail;
  @Inject private Clock clock;
  @Resource private UserTransaction tx;
  @PersistenceContext private EntityManager em;

  /**
   * Creates an organisation (an artifact with its audit record and ledger entry), then rolls back.
   */
  @POST
  @Path("/rollback")
  public String createThenRollBack(@QueryParam("name") String name) throws Exception {
    tx.begin();
    try {
      administration.createOrganisation(new NewOrganisation(name, OrganisationKind.SITE, "DE"));
    } finally {
      tx.rollback();
    }
    return "{\"rolledBack\":true}";
  }

  /**
   * Benchmark load: {@code n} artifact rows from {@code threads} threads, each in its own
   * transaction: as plain INSERTs through a JPA native query ({@code mode=plain}), as the same JDBC
   * INSERT the audit trail uses for its row ({@code mode=jdbc}), or through the audit trail with
   * their ledger entry ({@code mode=ledger}). Answers the wall-clock time.
   */
  @POST
  @Path("/bench")
  public String bench(
      @QueryParam("mode") String mode, @QueryParam("n") int n, @QueryParam("threads") int threads)
      throws Exception {
    boolean ledger = "ledger".equals(mode);
    long start = System.nanoTime();
    inTransactions(
        n,
        threads,
        k -> {
          AuditRecord r =
              new AuditRecord(
                  clock.instant(),
                  "bench",
                  null,
                  "BENCH",
                  mode.toUpperCase(),
                  "row-" + k,
                  null,
                  "value " + k,
                  null);
          if (ledger) {
            trail.record(r);
          } else if ("jdbc".equals(mode)) {
            AuditEventInsert.insert(em, r, "A".repeat(43) + "=", "0".repeat(64));
          } else {
            em.createNativeQuery(
                    "INSERT INTO audit_event (occurred_at, actor, action, object_type, object_id, new_value, salt, record_hash)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7)")
                .setParameter(1, r.occurredAt())
                .setParameter(2, r.actor())
                .setParameter(3, r.action())
                .setParameter(4, r.objectType())
                .setParameter(5, r.objectId())
                .setParameter(6, r.newValue())
                .setParameter(7, "0".repeat(64))
                .setParameter(8, "A".repeat(43) + "=")
                .executeUpdate();
          }
        });
    long millis = (System.nanoTime() - start) / 1_000_000;
    return "{\"mode\":\"" + mode + "\",\"n\":" + n + ",\"millis\":" + millis + "}";
  }

  /** Records {@code n} audit records from {@code threads} threads, each in its own transaction. */
  @POST
  @Path("/record")
  public String record(@QueryParam("n") int n, @QueryParam("threads") int threads)
      throws Exception {
    inTransactions(
        n,
        threads,
        k ->
            trail.record(
                new AuditRecord(
                    clock.instant(),
                    "load-test",
                    null,
                    "TEST",
                    "LOAD",
                    "item-" + k,
                    null,
                    "v" + k,
                    "load")));
    return "{\"recorded\":" + n + "}";
  }

  /**
   * Runs {@code work} for 0 … n − 1 on {@code threads} threads, each call in a transaction of its
   * own.
   */
  private static void inTransactions(int n, int threads, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        tasks.add(
            () -> {
              UserTransaction utx = InitialContext.doLookup("java:comp/UserTransaction");
              utx.begin();
              try {
                work.accept(k);
                utx.commit();
              } catch (Exception e) {
                utx.rollback();
                throw e;
              }
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) f.get();
    } finally {
      pool.shutdown();
    }
  }
}
