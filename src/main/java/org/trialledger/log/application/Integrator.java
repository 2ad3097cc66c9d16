package org.trialledger.log.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the integration continuously: every {@code trialledger.ledger.integrate-interval-ms} it
 * integrates batches until the queue is empty. Any number of instances may run it; the log head's
 * row lock lets one at a time through.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "LogKeyInitializer"})
public class Integrator {
  private static final Logger LOG = Logger.getLogger(Integrator.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private IntegrationStep step;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.integrate-interval-ms", defaultValue = "200")
  private long intervalMs;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.batch-size", defaultValue = "1000")
  private int batchSize;

  private ScheduledFuture<?> task;
  private long failedRuns; // runs never overlap: the executor runs them with a fixed delay
  private long lastWarning;

  @PostConstruct
  void start() {
    task =
        scheduler.scheduleWithFixedDelay(
            this::drainQueue, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
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
      // Runs come every 200 ms: an outage is logged once with its cause, then once a minute.
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
