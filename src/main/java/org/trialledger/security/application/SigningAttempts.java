package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.trialledger.security.domain.LoginThrottle;
import org.trialledger.security.events.SecurityEvent;
import org.trialledger.security.store.AppUser;

/**
 * E-signature failures per user, kept with the account (not per login session or API call, which an
 * attacker renews at will): {@link LoginThrottle#SIGNING}, locked after three in a row, counted by
 * atomic UPDATEs and audited (21 CFR 11.300(d)). Each method runs in a transaction of its own, so
 * the count and the audit record stay when the signing request fails.
 */
@ApplicationScoped
public class SigningAttempts {
  private static final Logger LOG = Logger.getLogger(SigningAttempts.class.getName());

  @Inject private UserDirectory directory;
  @Inject private LoginCounters counters;
  @Inject private Clock clock;
  @Inject private Event<SecurityEvent> events;

  private final LoginThrottle throttle = LoginThrottle.SIGNING;

  /** Until when the user may not sign, if a signing lock is running. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Instant> lockedUntil(String username) {
    Instant now = clock.instant();
    return directory.findUser(username).flatMap(u -> throttle.refusedUntil(u.signingState(), now));
  }

  /** Counts a failed signing; returns the new lock's end when this failure locked signing. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Instant> failed(String username) {
    AppUser user = directory.getUser(username);
    Instant now = clock.instant();
    LoginCounters.Counted counted = counters.signingFailed(user.getId(), throttle, now);
    int failures = counted.state().failures();
    events.fire(new SecurityEvent.SigningFailed(username, failures, counted.newLock().isPresent()));
    counted
        .newLock()
        .ifPresent(
            until -> {
              LOG.warning(
                  () ->
                      "E-signatures of "
                          + username
                          + " locked until "
                          + until
                          + " after "
                          + failures
                          + " failures in a row");
              events.fire(new SecurityEvent.SigningTemporarilyLocked(username, failures, until));
            });
    return counted.newLock();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void succeeded(String username) {
    directory
        .findUser(username)
        .ifPresent(u -> counters.signingSucceeded(u.getId(), u.signingState()));
  }
}
