package org.trialledger.log.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.platform.RuleViolationException;

/**
 * Starts full audits in the background, one at a time per instance, and keeps their progress to
 * watch.
 */
@ApplicationScoped
public class AuditJobs {
  private static final Logger LOG = Logger.getLogger(AuditJobs.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private LedgerAuditor auditor;
  @Inject private Clock clock;

  private final Map<String, AuditProgress> jobs = new ConcurrentHashMap<>();
  private volatile AuditProgress running;

  /** Starts a full audit; refuses while another one runs on this instance. */
  public synchronized AuditProgress start(String startedBy) {
    if (running != null
        && running.snapshot(clock.instant()).state() == AuditProgress.State.RUNNING) {
      throw new RuleViolationException(
          "A full audit is already running (started by "
              + running.snapshot(clock.instant()).startedBy()
              + ")");
    }
    AuditProgress progress = new AuditProgress(startedBy, clock.instant());
    jobs.put(progress.id(), progress);
    running = progress;
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
          }
        });
    return progress;
  }

  public Optional<AuditProgress> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  public Optional<AuditProgress> latest() {
    return Optional.ofNullable(running);
  }
}
