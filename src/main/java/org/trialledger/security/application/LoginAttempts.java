package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.trialledger.security.domain.LoginThrottle;
import org.trialledger.security.domain.ThrottleBuckets;
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

  @Inject private UserDirectory directory;
  @Inject private PasswordHasher hasher;
  @Inject private LoginRecords records;
  @Inject private UnknownUserFailures unknownUserFailures;
  @Inject private Clock clock;

  private final LoginThrottle throttle = LoginThrottle.ACCOUNTS;
  private final ThrottleBuckets unknownNames = new ThrottleBuckets(LoginThrottle.ACCOUNTS, 10_000);

  /**
   * Holds no database connection while the password is checked: the user is read in one short
   * statement, the check (PBKDF2, hundreds of milliseconds of CPU) runs with nothing held, and its
   * outcome is counted in a short transaction of its own ({@link LoginRecords}), so that a failure
   * is counted even if the caller's work rolls back. When the whole attempt was one transaction, 50
   * parallel wrong passwords held 32 pooled connections for seconds and other requests were refused
   * with 503 (PlatformIT).
   */
  public LoginOutcome attempt(String username, char[] password) {
    Instant now = clock.instant();
    Optional<AppUser> found = directory.findUser(username);
    if (found.isEmpty()) return unknown(username, password, now);
    AppUser user = found.get();
    LoginThrottle.State state = user.loginState();
    Optional<Instant> refused = throttle.refusedUntil(state, now);
    if (refused.isPresent()) return records.refused(user, throttle, now, refused.get());
    if (user.isEnabled() && hasher.matches(password, user.getPasswordHash())) {
      String stronger =
          PasswordHasher.needsRehash(user.getPasswordHash()) ? hasher.hash(password) : null;
      return records.accepted(user, state, clock.instant(), stronger);
    }
    // The delay runs from the answer, not from the request: a check takes a while, more so under
    // load.
    return records.failed(user, throttle, clock.instant());
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
