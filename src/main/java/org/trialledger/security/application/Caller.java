package org.trialledger.security.application;

import java.util.Set;
import org.trialledger.security.domain.Role;

/**
 * Who is calling, with what the domain rules need: roles and organisation. {@link #ANONYMOUS} for
 * the public. Services take a Caller rather than reading the security context, so their rules are
 * testable.
 */
public record Caller(String username, Long organisationId, Set<Role> roles) {
  public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  public boolean isAnonymous() {
    return username == null;
  }

  /**
   * A member of this organisation (sponsor staff for their own trials, site staff for their own
   * site).
   */
  public boolean belongsTo(long organisation) {
    return organisationId != null && organisationId == organisation;
  }
}
