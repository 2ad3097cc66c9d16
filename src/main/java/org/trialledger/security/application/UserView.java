package org.trialledger.security.application;

import java.time.Instant;
import java.util.Set;
import org.trialledger.security.domain.Role;
import org.trialledger.security.store.AppUser;

/** A user as the API shows it: never the password hash. */
public record UserView(
    String username,
    String fullName,
    String email,
    long organisationId,
    String organisationName,
    Set<Role> roles,
    boolean locked,
    int failedLogins,
    Instant lastLoginAt) {
  public static UserView of(AppUser u) {
    return new UserView(
        u.getUsername(),
        u.getFullName(),
        u.getEmail(),
        u.getOrganisation().getId(),
        u.getOrganisation().getName(),
        u.getRoles(),
        u.isLocked(),
        u.getFailedLogins(),
        u.getLastLoginAt());
  }
}
