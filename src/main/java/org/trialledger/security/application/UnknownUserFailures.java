package org.trialledger.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.security.events.SecurityEvent;

/**
 * Failed logins for user names that name no account, aggregated into at most one audit record a
 * minute (each audit record is also a ledger entry: one per attempt would let anyone grow the log
 * without limit). The first failure after a quiet minute is recorded at once; the rest of the
 * minute in one record at its end. Per process; counts not yet recorded when the server stops are
 * lost (the server log still has them).
 */
@ApplicationScoped
public class UnknownUserFailures {
  private static final Logger LOG = Logger.getLogger(UnknownUserFailures.class.getName());
  static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final int SAMPLE = 10;

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private SecurityAudit audit;
  @Inject private Clock clock;

  private int pending;
  private Instant pendingSince;
  private final Set<String> sample = new LinkedHashSet<>();
  private Instant lastRecordAt = Instant.MIN;
  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    long ms = INTERVAL.toMillis();
    if (scheduler != null)
      task = scheduler.scheduleWithFixedDelay(this::flushIfDue, ms, ms, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  /**
   * Counts one failure; records now if the last record is a minute old. Call outside any
   * transaction's rollback.
   */
  public void failed(String username, Instant now) {
    SecurityEvent.UnknownUserLoginsFailed due;
    synchronized (this) {
      if (pending == 0) pendingSince = now;
      pending++;
      if (sample.size() < SAMPLE)
        sample.add(username.length() > 32 ? username.substring(0, 32) : username);
      due = takeIfDue(now);
    }
    if (due != null) audit.fire(due);
  }

  void flushIfDue() {
    try {
      SecurityEvent.UnknownUserLoginsFailed due;
      synchronized (this) {
        due = takeIfDue(clock.instant());
      }
      if (due != null) audit.fire(due);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record failed logins for unknown users", e);
    }
  }

  private SecurityEvent.UnknownUserLoginsFailed takeIfDue(Instant now) {
    if (pending == 0 || now.isBefore(lastRecordAt.plus(INTERVAL))) return null;
    var event =
        new SecurityEvent.UnknownUserLoginsFailed(
            "anonymous", pending, pendingSince, String.join(",", sample));
    pending = 0;
    sample.clear();
    lastRecordAt = now;
    return event;
  }
}
