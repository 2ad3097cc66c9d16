package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Raised while the integrator refuses to extend the log because the stored head is not the tree it
 * last signed; shown on the log and audit pages and by the readiness check. Cleared as soon as the
 * head and the newest signed checkpoint agree again (a restored database). Per instance: every
 * instance's integrator checks the same head.
 */
@ApplicationScoped
public class IntegrityAlarm {
  private static final Logger LOG = Logger.getLogger(IntegrityAlarm.class.getName());

  /** Why the integrator refuses, and since when. */
  public record Alarm(String reason, Instant since) {}

  private volatile Alarm current;

  void raise(String reason, Instant at) {
    Alarm was = current;
    if (was != null && was.reason().equals(reason)) return; // logged once, not every tick
    current = new Alarm(reason, was == null ? at : was.since());
    LOG.severe(() -> "The integrator refuses to sign over a tree it did not build: " + reason);
  }

  void clear() {
    if (current != null) {
      current = null;
      LOG.warning("The log head is the newest signed checkpoint again; integration resumes");
    }
  }

  public Optional<Alarm> current() {
    return Optional.ofNullable(current);
  }
}
