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
import org.trialledger.security.domain.ThrottleBuckets;
import org.trialledger.security.events.SecurityEvent;
import org.trialledger.security.store.AppUser;

/**
 * Checks a password and keeps count, throttling instead of locking for good (docs/security.md,
 * "Logins and signatures"): {@link LoginThrottle#ACCOUNTS} per account, counted in the database by
 * atomic UPDATEs; the same schedule, in memory, for user names that name no account, so that a
 * made-up name and a real one are answered alike. An attempt refused while throttled is not checked
 * (no hashing work) but is counted.
 */
@ApplicationScoped
public class LoginAttempts {
  private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());
  private static final String ANONYMOUS = "anonymous";

  @Inject private UserDirectory directory;
  @Inject private PasswordHasher hasher;
  @Inject private LoginCounters counters;
  @Inject private UnknownUserFailures unknownUserFailures;
  @Inject private Clock clock;
  @Inject private Event<SecurityEvent> events;

  private final LoginThrottle throttle = LoginThrottle.ACCOUNTS;
  private final ThrottleBuckets unknownNames = new ThrottleBuckets(LoginThrottle.ACCOUNTS, 10_000);

  /**
   * Runs in a transaction of its own, so that a failure is counted even if the caller's work rolls
   * back.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public LoginOutcome attempt(String username, char[] password) {
    Instant now = clock.instant();
    Optional<AppUser> found = directory.findUser(username);
    if (found.isEmpty()) return unknown(username, password, now);
    AppUser user = found.get();
    LoginThrottle.State state = user.loginState();
    Optional<Instant> refused = throttle.refusedUntil(state, now);
    if (refused.isPresent()) {
      LoginCounters.Counted counted = counters.loginFailed(user.getId(), throttle, now);
      counted.newLock().ifPresent(until -> locked(user, counted, until));
      return LoginOutcome.throttled(username, counted.newLock().orElse(refused.get()));
    }
    if (user.isEnabled() && hasher.matches(password, user.getPasswordHash())) {
      counters.loginSucceeded(user.getId(), state, user.getLastLoginAt(), now);
      if (PasswordHasher.needsRehash(user.getPasswordHash())) {
        counters.rehash(user.getId(), user.getPasswordHash(), hasher.hash(password));
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
    // The delay runs from the answer, not from the request: a check takes a while, more so under
    // load.
    LoginCounters.Counted counted = counters.loginFailed(user.getId(), throttle, clock.instant());
    int failures = counted.state().failures();
    LOG.info(() -> "Failed login for " + user.getUsername() + " (" + failures + " in a row)");
    events.fire(
        new SecurityEvent.LoginFailed(
            ANONYMOUS, user.getUsername(), failures, counted.newLock().isPresent()));
    counted.newLock().ifPresent(until -> locked(user, counted, until));
    return LoginOutcome.invalid(username);
  }

  private LoginOutcome unknown(String username, char[] password, Instant now) {
    String key = clip(username);
    Optional<Instant> refused = unknownNames.refusedUntil(key, now);
    if (refused.isEmpty()) {
      hasher.matchesNothing(password); // as long as checking a real password
      now = clock.instant(); // the delay runs from the answer, as for a real account
    }
    LoginThrottle.State state = unknownNames.failed(key, now);
    unknownUserFailures.failed(key, now);
    LOG.fine(() -> "Failed login for unknown user " + sanitize(username));
    if (refused.isPresent())
      return LoginOutcome.throttled(
          username, state.lockedAt(now) ? state.lockedUntil() : refused.get());
    return LoginOutcome.invalid(username);
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

  /** What a stranger typed as a username, bounded for storage. */
  private static String clip(String s) {
    return s.length() > 64 ? s.substring(0, 64) : s;
  }

  /** Keeps a hostile username from forging log lines. */
  private static String sanitize(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    return cut.replaceAll("[^\\p{Alnum}._@-]", "?");
  }
}
