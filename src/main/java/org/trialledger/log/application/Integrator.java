package org.trialledger.log.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the integration continuously: a run integrates batches until the queue is empty. A run
 * starts soon after a local transaction that queued entries commits ({@link IntegrationWakeUp}), at
 * most one per {@code trialledger.ledger.integrate-min-gap-ms}, and every {@code
 * trialledger.ledger.integrate-interval-ms} in any case (for entries queued by other instances).
 * Runs of one instance never overlap ({@link CoalescingTrigger}); any number of instances may run
 * it, the log head's row lock lets one at a time through.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "LogKeyInitializer"})
public class Integrator {
  private static final Logger LOG = Logger.getLogger(Integrator.class.getName());

  @Resource private ManagedThreadFactory threads;
  @Inject private IntegrationStep step;
  @Inject private IntegrationWakeUp wakeUp;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.integrate-interval-ms", defaultValue = "200")
  private long intervalMs;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.batch-size", defaultValue = "1000")
  private int batchSize;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.integrate-min-gap-ms", defaultValue = "20")
  private long minGapMs;

  /**
   * The integrator's own thread: on the shared managed scheduler its runs waited behind witness
   * rounds (which wait for the witnesses' answers) and the other periodic jobs.
   */
  private ScheduledExecutorService runs;

  private CoalescingTrigger trigger;
  private long failedRuns; // runs never overlap: the trigger starts one at a time
  private long lastWarning;

  @PostConstruct
  void start() {
    runs = Executors.newSingleThreadScheduledExecutor(threads);
    trigger =
        new CoalescingTrigger(
            (run, delayNanos) -> runs.schedule(run, delayNanos, TimeUnit.NANOSECONDS),
            this::drainQueue,
            TimeUnit.MILLISECONDS.toNanos(minGapMs),
            System::nanoTime);
    wakeUp.attach(trigger::fire);
    runs.scheduleWithFixedDelay(trigger::fire, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    wakeUp.detach();
    if (trigger != null) trigger.close();
    if (runs != null) runs.shutdown(); // a batch under way finishes (or rolls back) on its own
  }

  private void drainQueue() {
    try {
      while (step.integrateBatch(batchSize) == batchSize) {
        // a full batch: more may be waiting
      }
      if (failedRuns > 0) {
        LOG.info("Integration runs succeed again after " + failedRuns + " failed run(s)");
        failedRuns = 0;
      }
    } catch (RuntimeException e) {
      // Another instance holding the lock, or a transient database error: the next run retries.
      // Runs come at least every 200 ms: an outage is logged once with its cause, then once a
      // minute.
      failedRuns++;
      long now = System.nanoTime();
      if (failedRuns == 1 || now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
        lastWarning = now;
        LOG.log(
            Level.WARNING,
            "Integration run failed (" + failedRuns + " in a row); will retry",
            failedRuns == 1 ? e : null);
      }
    }
  }
}
