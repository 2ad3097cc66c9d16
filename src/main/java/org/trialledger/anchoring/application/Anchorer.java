package org.trialledger.anchoring.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.platform.ScheduleLease;

/**
 * Runs anchoring on its schedule: once a minute it stamps if the stamp interval has passed since
 * the last attempt (and the log has grown), and upgrades the anchors that are due. {@code
 * trialledger.anchoring.enabled=false} turns the schedule off (the API can still stamp on request).
 * In a cluster each minute's run happens on one instance, the holder of that minute's {@link
 * ScheduleLease}.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "LogKeyInitializer"})
public class Anchorer {
  private static final Logger LOG = Logger.getLogger(Anchorer.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private Anchoring anchoring;
  @Inject private AnchorStore store;
  @Inject private AnchoringSettings settings;
  @Inject private Clock clock;
  @Inject private ScheduleLease lease;

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.enabled", defaultValue = "true")
  private boolean enabled;

  /** Shorter than the minute between runs, so the next minute's run finds it free. */
  private static final Duration RUN_LEASE = Duration.ofSeconds(50);

  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (enabled) task = scheduler.scheduleWithFixedDelay(this::run, 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  private void run() {
    // every instance runs this each minute; one per minute does the work (docs/scaling.md)
    if (!lease.acquire("anchoring", RUN_LEASE)) return;
    try {
      Instant now = clock.instant();
      boolean due =
          store
              .lastAttemptAt()
              .map(last -> !last.plus(settings.stampInterval()).isAfter(now))
              .orElse(true);
      if (due) LOG.info(anchoring.stampNewest(false).message());
      anchoring.upgradeDue(false);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Anchoring run failed; the next run retries", e);
    }
  }
}
