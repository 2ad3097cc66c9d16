package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.trialledger.security.domain.LoginThrottle;
import org.trialledger.security.events.SecurityEvent;
import org.trialledger.security.store.AppUser;

/**
 * Counts the outcome of a login attempt that {@link LoginAttempts} has checked, each in a short
 * transaction of its own: the counters' atomic UPDATEs and the audit records of a failure or a lock
 * commit together, and no connection is held while a password is hashed.
 */
@ApplicationScoped
public class LoginRecords {
  private static final Logger LOG = Logger.getLogger(LoginRecords.class.getName());
  private static final String ANONYMOUS = "anonymous";

  @Inject private LoginCounters counters;
  @Inject private Event<SecurityEvent> events;

  /** Refused while throttled, unchecked: counted, and perhaps locked for longer. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public LoginOutcome refused(
      AppUser user, LoginThrottle throttle, Instant now, Instant refusedUntil) {
    LoginCounters.Counted counted = counters.loginFailed(user.getId(), throttle, now);
    counted.newLock().ifPresent(until -> locked(user, counted, until));
    return LoginOutcome.throttled(user.getUsername(), counted.newLock().orElse(refusedUntil));
  }

  /** The password matched; {@code strongerHash}, if not null, replaces a weaker stored one. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public LoginOutcome accepted(
      AppUser user, LoginThrottle.State state, Instant now, String strongerHash) {
    counters.loginSucceeded(user.getId(), state, user.getLastLoginAt(), now);
    if (strongerHash != null) {
      counters.rehash(user.getId(), user.getPasswordHash(), strongerHash);
      LOG.info(
          () ->
              "Password hash of "
                  + user.getUsername()
                  + " renewed at "
                  + PasswordHasher.ITERATIONS
                  + " iterations");
    }
    return LoginOutcome.accepted(user.getUsername(), user.getRoles());
  }

  /** The password did not match (or the account is disabled). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public LoginOutcome failed(AppUser user, LoginThrottle throttle, Instant now) {
    LoginCounters.Counted counted = counters.loginFailed(user.getId(), throttle, now);
    int failures = counted.state().failures();
    LOG.info(() -> "Failed login for " + user.getUsername() + " (" + failures + " in a row)");
    events.fire(
        new SecurityEvent.LoginFailed(
            ANONYMOUS, user.getUsername(), failures, counted.newLock().isPresent()));
    counted.newLock().ifPresent(until -> locked(user, counted, until));
    return LoginOutcome.invalid(user.getUsername());
  }

  private void locked(AppUser user, LoginCounters.Counted counted, Instant until) {
    LOG.warning(
        () ->
            "Account "
                + user.getUsername()
                + " temporarily locked until "
                + until
                + " after "
                + counted.state().failures()
                + " failed logins in a row; an administrator can unlock it");
    events.fire(
        new SecurityEvent.AccountTemporarilyLocked(
            ANONYMOUS, user.getUsername(), counted.state().failures(), until));
  }
}
