package org.trialledger.security.domain;

import java.util.Set;

/**
 * What an organisation is. Its kind bounds the roles its members may hold: a site's staff can never
 * be given the sponsor role, and only the registry operator's own staff administer it.
 */
public enum OrganisationKind {
  SPONSOR(Set.of(Role.SPONSOR)),
  SITE(Set.of(Role.SITE)),
  REGULATOR(Set.of(Role.REGULATOR)),
  OPERATOR(Set.of(Role.ADMIN));

  private final Set<Role> permittedRoles;

  OrganisationKind(Set<Role> permittedRoles) {
    this.permittedRoles = permittedRoles;
  }

  public Set<Role> permittedRoles() {
    return permittedRoles;
  }

  public boolean permits(Role role) {
    return permittedRoles.contains(role);
  }
}
