package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.security.domain.AppUser;
import org.trialledger.security.events.SecurityEvent;

/**
 * Checks a password and keeps count: after {@code trialledger.security.max-failed-logins} failures in a row
 * the account locks and stays locked, whatever password follows, until an administrator unlocks it.
 */
@ApplicationScoped
public class LoginAttempts {
  private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());

  @Inject private UserDirectory directory;
  @Inject private PasswordHasher hasher;
  @Inject private Clock clock;
  @Inject private Event<SecurityEvent> events;

  @Inject
  @ConfigProperty(name = "trialledger.security.max-failed-logins", defaultValue = "5")
  private int maxFailedLogins;

  /** Runs in a transaction of its own, so that a failure is counted even if the caller's work rolls back. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public LoginOutcome attempt(String username, char[] password) {
    Optional<AppUser> found = directory.findUser(username);
    if (found.isEmpty()) {
      hasher.matchesNothing(password);
      LOG.info(() -> "Failed login for unknown user " + sanitize(username));
      events.fire(new SecurityEvent.LoginFailed(ANONYMOUS, clip(username), 0, false));
      return LoginOutcome.invalid(username);
    }
    AppUser user = found.get();
    if (user.isLocked() || !user.isEnabled()) {
      hasher.matchesNothing(password);
      LOG.info(() -> "Refused login for locked or disabled account " + user.getUsername());
      events.fire(new SecurityEvent.LoginRefusedLocked(ANONYMOUS, user.getUsername()));
      return LoginOutcome.locked(username);
    }
    if (hasher.matches(password, user.getPasswordHash())) {
      user.recordSuccessfulLogin(clock.instant());
      return LoginOutcome.accepted(user.getUsername(), user.getRoles());
    }
    user.recordFailedLogin(maxFailedLogins, clock.instant());
    LOG.info(
        () ->
            "Failed login for "
                + user.getUsername()
                + " ("
                + user.getFailedLogins()
                + " in a row"
                + (user.isLocked() ? ", account now locked)" : ")"));
    events.fire(
        new SecurityEvent.LoginFailed(ANONYMOUS, user.getUsername(), user.getFailedLogins(), user.isLocked()));
    return user.isLocked() ? LoginOutcome.locked(username) : LoginOutcome.invalid(username);
  }

  private static final String ANONYMOUS = "anonymous";

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
