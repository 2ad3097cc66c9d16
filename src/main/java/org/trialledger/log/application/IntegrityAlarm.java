package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;
import org.trialledger.log.domain.WitnessRefusal;

/**
 * Raised while the integrator refuses to extend the log because the stored head is not the tree it
 * last signed, or while a witness refuses our checkpoints as a fork or rollback would make it;
 * shown on the log, verify and audit pages and by the readiness check. The head alarm clears as
 * soon as the head and the newest signed checkpoint agree again (a restored database); a witness's
 * alarm when that witness cosigns again. Neither ever stops integration by itself. Per instance:
 * every instance's integrator checks the same head and asks the same witnesses.
 */
@ApplicationScoped
public class IntegrityAlarm {
  private static final Logger LOG = Logger.getLogger(IntegrityAlarm.class.getName());

  /** Why the log is suspect, and since when. */
  public record Alarm(String reason, Instant since) {}

  private volatile Alarm head;
  private final Map<String, Alarm> witnesses = new ConcurrentSkipListMap<>();

  void raise(String reason, Instant at) {
    Alarm was = head;
    if (was != null && was.reason().equals(reason)) return; // logged once, not every tick
    head = new Alarm(reason, was == null ? at : was.since());
    LOG.severe(() -> "The integrator refuses to sign over a tree it did not build: " + reason);
  }

  void clear() {
    if (head != null) {
      head = null;
      LOG.warning("The log head is the newest signed checkpoint again; integration resumes");
    }
  }

  /** A witness refused a checkpoint as evidence against our history; true if newly raised. */
  boolean witnessRefused(WitnessRefusal r) {
    Alarm was = witnesses.get(r.witnessKey());
    witnesses.put(r.witnessKey(), new Alarm(r.describe(), was == null ? r.at() : was.since()));
    if (was == null) LOG.severe(r::describe);
    return was == null;
  }

  /** The witness cosigned again: whatever it refused before, it now agrees with our history. */
  void witnessCosigned(String witnessKey) {
    if (witnesses.remove(witnessKey) != null)
      LOG.warning("Witness " + witnessKey + " cosigns our checkpoints again");
  }

  /** The integrator's alarm: the stored head is not the tree it last signed. */
  public Optional<Alarm> head() {
    return Optional.ofNullable(head);
  }

  /** The head alarm if any, else the first witness alarm. */
  public Optional<Alarm> current() {
    Alarm h = head;
    if (h != null) return Optional.of(h);
    return witnesses.values().stream().findFirst();
  }

  /** The witnesses' alarms, by witness key. */
  public Map<String, Alarm> witnessAlarms() {
    return Map.copyOf(witnesses);
  }
}
