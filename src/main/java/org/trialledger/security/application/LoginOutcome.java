package org.trialledger.security.application;

import java.time.Instant;
import java.util.Set;
import org.trialledger.security.domain.Role;

/** The result of checking a username and password. */
public record LoginOutcome(Status status, String username, Set<Role> roles, Instant retryAt) {
  public enum Status {
    ACCEPTED,
    /** Unknown user, wrong password or disabled account: not told apart. */
    INVALID,
    /**
     * Refused unchecked after too many failures, until {@link #retryAt}: for a real account and a
     * made-up name alike, so this tells nothing about which names exist.
     */
    THROTTLED
  }

  static LoginOutcome accepted(String username, Set<Role> roles) {
    return new LoginOutcome(Status.ACCEPTED, username, Set.copyOf(roles), null);
  }

  static LoginOutcome invalid(String username) {
    return new LoginOutcome(Status.INVALID, username, Set.of(), null);
  }

  static LoginOutcome throttled(String username, Instant retryAt) {
    return new LoginOutcome(Status.THROTTLED, username, Set.of(), retryAt);
  }
}
