package org.trialledger.log.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.log.application.WitnessClient.Cosigned;
import org.trialledger.log.application.WitnessClient.Outcome;
import org.trialledger.log.application.WitnessClient.Refused;
import org.trialledger.log.application.WitnessSettings.Configured;
import org.trialledger.log.domain.WitnessRefusal;

/**
 * Every {@code trialledger.witness.interval-ms}, asks each configured witness that has not yet
 * cosigned the latest checkpoint to do so, all in parallel and each bounded by {@code
 * trialledger.witness.timeout-ms}; stores the verified cosignatures. Integration never waits on
 * this: it runs on its own schedule, and a witness that is down is simply asked again next round.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "LogKeyInitializer"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Witnessing {
  private static final Logger LOG = Logger.getLogger(Witnessing.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Resource private ManagedExecutorService executor;
  @Inject private WitnessSettings settings;
  @Inject private WitnessCosignatures cosignatures;
  @Inject private IntegrityAlarm alarm;
  @Inject private Clock clock;

  /** Each witness's last state, so that the log says when it changes rather than every round. */
  private final Map<String, String> states = new ConcurrentHashMap<>();

  private WitnessClient client;
  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (settings.witnesses().isEmpty()) return;
    client = new WitnessClient(settings.timeout());
    long every = settings.intervalMs();
    task = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    LOG.info(
        "Asking "
            + settings.witnesses().size()
            + " witnesses every "
            + every
            + " ms, quorum "
            + settings.quorum());
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  private void round() {
    try {
      Optional<CheckpointView> found = cosignatures.latestCheckpoint();
      if (found.isEmpty()) return;
      CheckpointView latest = found.get();
      List<Future<?>> asks = new ArrayList<>();
      for (Configured w : settings.witnesses()) {
        long believed = cosignatures.lastSize(w.key().verifierKey());
        if (believed >= latest.treeSize()) continue;
        asks.add(executor.submit(() -> ask(w, latest, believed)));
      }
      long bound = settings.timeout().toMillis() * 3; // a 409 retry is two requests
      for (Future<?> f : asks) {
        try {
          f.get(bound, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
        } catch (ExecutionException e) {
          LOG.log(Level.WARNING, "Asking a witness failed", e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // an exception escaping a fixed-delay task would cancel every later round
      LOG.log(Level.WARNING, "Witnessing round failed; will retry", e);
    }
  }

  private void changed(Configured w, String state, Level level) {
    String key = w.key().verifierKey();
    String kind = state.startsWith("refused") ? state : state.split(":")[0];
    if (!kind.equals(states.put(key, kind)))
      LOG.log(level, "Witness " + w.key().name() + " " + state);
  }

  private void ask(Configured w, CheckpointView latest, long believed) {
    long size = latest.treeSize();
    Outcome o =
        client.addCheckpoint(
            w.url(),
            w.key(),
            latest.note(),
            size,
            believed,
            from ->
                cosignatures.published(from) ? cosignatures.consistencyProof(from, size) : null);
    if (o instanceof Cosigned c) {
      cosignatures.record(size, w.key().verifierKey(), c.line(), c.timestamp());
      alarm.witnessCosigned(w.key().verifierKey());
      changed(w, "cosigning", Level.INFO);
    } else if (o instanceof Refused r) {
      // a 409 from a witness that another instance already moved past this checkpoint is a race,
      // not a fork: only once the log's latest checkpoint is still the one refused does it count
      boolean movedOn =
          r.status() == 409
              && cosignatures.latestCheckpoint().map(CheckpointView::treeSize).orElse(0L) > size;
      if (WitnessRefusal.isEvidence(r.status()) && !movedOn) {
        WitnessRefusal refusal =
            new WitnessRefusal(
                w.key().name(),
                w.key().verifierKey(),
                size,
                r.status(),
                r.reason(),
                clock.instant());
        // recorded once per episode, not every round; integration goes on regardless
        if (alarm.witnessRefused(refusal)) cosignatures.reportRefusal(refusal);
      }
      changed(
          w, "refused checkpoint " + size + ": " + r.status() + " " + r.reason(), Level.WARNING);
    } else {
      changed(w, "unreachable: " + o, Level.WARNING);
    }
  }
}
