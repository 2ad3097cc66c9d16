package org.trialledger.security.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialledger.security.domain.LoginThrottle;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.security.domain.Role;

class AppUserTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Organisation site = new Organisation("Site", OrganisationKind.SITE, "GB", T0);

  private AppUser user() {
    return new AppUser("nurse", "Nurse", null, "hash", site, Set.of(Role.SITE), T0);
  }

  @Test
  void aNewUserIsNeitherLockedNorCounted() {
    AppUser u = user();
    assertFalse(u.isLockedAt(T0));
    assertFalse(u.isSigningLocked());
    assertEquals(LoginThrottle.State.NONE, u.loginState());
    assertEquals(LoginThrottle.State.NONE, u.signingState());
  }

  @Test
  void aSiteMemberCannotHoldTheSponsorOrAdminRole() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AppUser("x", "X", null, "h", site, Set.of(Role.SPONSOR), T0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AppUser("x", "X", null, "h", site, Set.of(Role.ADMIN), T0));
  }
}
