package org.trialledger.log.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.platform.BackgroundJobStore;
import org.trialledger.platform.RuleViolationException;

/**
 * Starts full audits in the background, one at a time in the cluster, and keeps their progress to
 * watch: in memory on the instance that runs the audit, and in {@code background_job} (about once a
 * second and when it ends) for every other instance (issue 21).
 */
@ApplicationScoped
public class AuditJobs {
  private static final Logger LOG = Logger.getLogger(AuditJobs.class.getName());
  static final String KIND = "LEDGER_AUDIT";

  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private LedgerAuditor auditor;
  @Inject private BackgroundJobStore store;
  @Inject private Clock clock;

  private final Map<String, AuditProgress> jobs = new ConcurrentHashMap<>();
  private volatile AuditProgress running;

  /** Starts a full audit; refuses while another one runs on this or another instance. */
  public synchronized AuditProgress start(String startedBy) {
    AuditProgress current = latest().orElse(null);
    if (current != null
        && current.snapshot(clock.instant()).state() == AuditProgress.State.RUNNING) {
      throw new RuleViolationException(
          "A full audit is already running (started by "
              + current.snapshot(clock.instant()).startedBy()
              + ")");
    }
    AuditProgress progress = new AuditProgress(startedBy, clock.instant());
    jobs.put(progress.id(), progress);
    running = progress;
    store(progress);
    ScheduledFuture<?> writer =
        scheduler.scheduleWithFixedDelay(() -> store(progress), 1, 1, TimeUnit.SECONDS);
    executor.submit(
        () -> {
          try {
            auditor.audit(progress);
            progress.finish(clock.instant());
            LOG.info(
                () ->
                    "Full audit "
                        + progress.id()
                        + " finished: "
                        + progress.snapshot(clock.instant()).discrepancyCount()
                        + " discrepancies");
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Full audit " + progress.id() + " could not complete", e);
            progress.fail(
                clock.instant(), "The audit could not complete: " + e.getClass().getSimpleName());
          } finally {
            writer.cancel(false);
            store(progress);
          }
        });
    return progress;
  }

  public Optional<AuditProgress> find(String id) {
    AuditProgress here = jobs.get(id);
    if (here != null) return Optional.of(here);
    return stored(() -> store.find(id));
  }

  /** The audit started last in the cluster. */
  public Optional<AuditProgress> latest() {
    AuditProgress here = running;
    Optional<BackgroundJobStore.Job> newest;
    try {
      newest = store.latest(KIND);
    } catch (RuntimeException unreadable) {
      LOG.log(Level.WARNING, "Stored audits unreadable; showing this instance's", unreadable);
      return Optional.ofNullable(here);
    }
    if (newest.isEmpty() || (here != null && here.id().equals(newest.get().id())))
      return Optional.ofNullable(here);
    return newest.map(j -> AuditProgress.stored(AuditProgressJson.read(j.detail()), j.stale()));
  }

  private Optional<AuditProgress> stored(
      java.util.function.Supplier<Optional<BackgroundJobStore.Job>> query) {
    return query
        .get()
        .filter(j -> KIND.equals(j.kind()))
        .map(j -> AuditProgress.stored(AuditProgressJson.read(j.detail()), j.stale()));
  }

  private void store(AuditProgress progress) {
    try {
      AuditProgress.Snapshot s = progress.snapshot(clock.instant());
      store.save(
          s.id(),
          KIND,
          null,
          s.startedBy(),
          s.state().name(),
          AuditProgressJson.write(s),
          s.startedAt(),
          null);
    } catch (RuntimeException e) {
      // the audit goes on; other instances see its progress again with the next write
      LOG.log(Level.WARNING, "Could not store the progress of audit " + progress.id(), e);
    }
  }
}
