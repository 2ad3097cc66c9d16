package org.trialledger.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schedule, on a fake clock: instants are given, never read. */
class LoginThrottleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LoginThrottle accounts = LoginThrottle.ACCOUNTS;

  /**
   * {@code n} failures one second apart from T0; returns the state and leaves the clock at the
   * last.
   */
  private LoginThrottle.State fail(
      LoginThrottle throttle, LoginThrottle.State s, int n, Instant start) {
    for (int i = 0; i < n; i++) s = throttle.afterFailure(s, start.plusSeconds(i));
    return s;
  }

  @Test
  void twoFailuresCostNothingThenTheWaitDoublesAndTheFifthLocksForFifteenMinutes() {
    assertEquals(Duration.ZERO, accounts.delay(1));
    assertEquals(Duration.ZERO, accounts.delay(2));
    assertEquals(Duration.ofSeconds(1), accounts.delay(3));
    assertEquals(Duration.ofSeconds(2), accounts.delay(4));

    LoginThrottle.State s = fail(accounts, LoginThrottle.State.NONE, 2, T0);
    assertEquals(
        Optional.empty(),
        accounts.refusedUntil(s, T0.plusSeconds(1)),
        "the 3rd attempt may come at once");
    s = accounts.afterFailure(s, T0.plusSeconds(2));
    assertEquals(
        Optional.of(T0.plusSeconds(3)), accounts.refusedUntil(s, T0.plusSeconds(2)), "then 1 s");
    assertEquals(Optional.empty(), accounts.refusedUntil(s, T0.plusSeconds(3)));
    s = accounts.afterFailure(s, T0.plusSeconds(3));
    assertEquals(
        Optional.of(T0.plusSeconds(5)), accounts.refusedUntil(s, T0.plusSeconds(4)), "then 2 s");
    s = accounts.afterFailure(s, T0.plusSeconds(5));
    assertEquals(5, s.failures());
    assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(15)), s.lockedUntil());
    assertEquals(1, s.locks());
    assertTrue(s.lockedAt(T0.plusSeconds(6)));
    assertEquals(Optional.of(s.lockedUntil()), accounts.refusedUntil(s, T0.plusSeconds(600)));
  }

  @Test
  void failuresDuringALockAreCountedButDoNotExtendIt() {
    LoginThrottle.State s = fail(accounts, LoginThrottle.State.NONE, 5, T0);
    Instant until = s.lockedUntil();
    for (int i = 0; i < 45; i++) s = accounts.afterFailure(s, T0.plusSeconds(10 + i));
    assertEquals(50, s.failures());
    assertEquals(until, s.lockedUntil());
    assertEquals(1, s.locks());
  }

  @Test
  void theFirstFailureAfterAnExpiredLockLocksAgainForTwiceAsLongUpToADay() {
    LoginThrottle.State s = fail(accounts, LoginThrottle.State.NONE, 5, T0);
    Instant after = s.lockedUntil().plusSeconds(1);
    assertEquals(
        Optional.empty(),
        accounts.refusedUntil(s, after),
        "after the lock one attempt is checked at once");
    s = accounts.afterFailure(s, after);
    assertEquals(after.plus(Duration.ofMinutes(30)), s.lockedUntil());
    assertEquals(Duration.ofMinutes(60), accounts.lockDuration(2));
    assertEquals(Duration.ofHours(24), accounts.lockDuration(7), "15 min × 128 is capped");
    assertEquals(Duration.ofHours(24), accounts.lockDuration(40), "no overflow");
  }

  @Test
  void aQuietDayForgetsTheRun() {
    LoginThrottle.State s = fail(accounts, LoginThrottle.State.NONE, 5, T0);
    Instant nextDay = T0.plus(Duration.ofHours(25));
    assertFalse(s.lockedAt(nextDay));
    s = accounts.afterFailure(s, nextDay);
    assertEquals(1, s.failures());
    assertEquals(0, s.locks());
    assertFalse(s.lockedAt(nextDay));
  }

  @Test
  void signingLocksAtTheThirdFailureWithoutDelaysBefore() {
    LoginThrottle signing = LoginThrottle.SIGNING;
    LoginThrottle.State s = fail(signing, LoginThrottle.State.NONE, 2, T0);
    assertEquals(Optional.empty(), signing.refusedUntil(s, T0.plusSeconds(1)));
    s = signing.afterFailure(s, T0.plusSeconds(2));
    assertEquals(T0.plusSeconds(2).plus(Duration.ofMinutes(15)), s.lockedUntil());
  }

  @Test
  void addressesLockOnlyAtTheirThresholdForAMinuteDoublingToAnHour() {
    LoginThrottle addresses = LoginThrottle.addresses(100);
    LoginThrottle.State s = fail(addresses, LoginThrottle.State.NONE, 99, T0);
    assertEquals(
        Optional.empty(),
        addresses.refusedUntil(s, T0.plusSeconds(99)),
        "no delay below the threshold");
    s = addresses.afterFailure(s, T0.plusSeconds(99));
    assertEquals(T0.plusSeconds(99 + 60), s.lockedUntil());
    assertEquals(Duration.ofHours(1), addresses.lockDuration(10));
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertEquals(1, LoginThrottle.retryAfterSeconds(T0, T0));
    assertEquals(2, LoginThrottle.retryAfterSeconds(T0.plusMillis(1500), T0));
    assertEquals(900, LoginThrottle.retryAfterSeconds(T0.plus(Duration.ofMinutes(15)), T0));
  }

  @Test
  void bucketsCountPerKeyAndStayBounded() {
    ThrottleBuckets buckets = new ThrottleBuckets(accounts, 3);
    for (int i = 0; i < 5; i++) buckets.failed("nobody", T0.plusSeconds(i * 10L));
    assertTrue(
        buckets.refusedUntil("nobody", T0.plusSeconds(60)).isPresent(),
        "a made-up name locks like a real one");
    assertTrue(buckets.refusedUntil("other", T0.plusSeconds(60)).isEmpty());
    for (int i = 0; i < 10; i++) buckets.failed("name" + i, T0.plusSeconds(100));
    assertTrue(buckets.size() <= 3, "bounded: " + buckets.size());
  }
}
