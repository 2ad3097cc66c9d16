package org.trialledger.security.application;

import java.util.Set;
import org.trialledger.security.domain.Role;

/** The result of checking a username and password. */
public record LoginOutcome(Status status, String username, Set<Role> roles) {
  public enum Status {
    ACCEPTED,
    /** Unknown user or wrong password: the two are not told apart. */
    INVALID,
    /** The account is locked (too many failures) or disabled. */
    LOCKED
  }

  static LoginOutcome accepted(String username, Set<Role> roles) {
    return new LoginOutcome(Status.ACCEPTED, username, Set.copyOf(roles));
  }

  static LoginOutcome invalid(String username) {
    return new LoginOutcome(Status.INVALID, username, Set.of());
  }

  static LoginOutcome locked(String username) {
    return new LoginOutcome(Status.LOCKED, username, Set.of());
  }
}
