package org.trialledger.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppUserTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Organisation site = new Organisation("Site", OrganisationKind.SITE, "GB", T0);

  private AppUser user() {
    return new AppUser("nurse", "Nurse", null, "hash", site, Set.of(Role.SITE), T0);
  }

  @Test
  void locksAtTheThresholdAndStaysLocked() {
    AppUser u = user();
    for (int i = 0; i < 4; i++) u.recordFailedLogin(5, T0);
    assertFalse(u.isLocked());
    u.recordFailedLogin(5, T0.plusSeconds(1));
    assertTrue(u.isLocked());
    assertEquals(T0.plusSeconds(1), u.getLockedAt());
    u.recordFailedLogin(5, T0.plusSeconds(9));
    assertEquals(T0.plusSeconds(1), u.getLockedAt(), "the first lock time is kept");
  }

  @Test
  void aSuccessfulLoginResetsTheCountAndUnlockClearsTheLock() {
    AppUser u = user();
    u.recordFailedLogin(5, T0);
    u.recordSuccessfulLogin(T0);
    assertEquals(0, u.getFailedLogins());
    for (int i = 0; i < 5; i++) u.recordFailedLogin(5, T0);
    u.unlock();
    assertFalse(u.isLocked());
    assertEquals(0, u.getFailedLogins());
  }

  @Test
  void aSiteMemberCannotHoldTheSponsorOrAdminRole() {
    assertThrows(IllegalArgumentException.class, () -> new AppUser("x", "X", null, "h", site, Set.of(Role.SPONSOR), T0));
    assertThrows(IllegalArgumentException.class, () -> new AppUser("x", "X", null, "h", site, Set.of(Role.ADMIN), T0));
  }
}
