package org.trialledger.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How failed attempts slow down the next ones, as plain arithmetic on a {@link State} and the time:
 * after {@code delayAfter} failures in a row each further attempt must wait {@code firstDelay},
 * doubling with each failure; at {@code lockAfter} failures the account (or address, or signer) is
 * locked for {@code firstLock}, and each new lock after an expired one lasts twice as long, up to
 * {@code maxLock}. A success resets the state; so does a quiet {@code forgetAfter} since the last
 * failure.
 *
 * <p>An attempt refused unchecked (while delayed or locked) counts as a failure too: the count is
 * of attempts that did not succeed, whatever the reason. It never extends a running lock.
 */
public record LoginThrottle(
    int delayAfter,
    Duration firstDelay,
    int lockAfter,
    Duration firstLock,
    Duration maxLock,
    Duration forgetAfter) {

  /**
   * Logins per account (and per unknown user name): 1 s, 2 s after the 3rd and 4th; 15 min lock
   * after the 5th.
   */
  public static final LoginThrottle ACCOUNTS =
      new LoginThrottle(
          2,
          Duration.ofSeconds(1),
          5,
          Duration.ofMinutes(15),
          Duration.ofHours(24),
          Duration.ofHours(24));

  /**
   * E-signatures per signer: no delay; locked for 15 min (doubling) after the 3rd failure (21 CFR
   * 11.300(d)).
   */
  public static final LoginThrottle SIGNING =
      new LoginThrottle(
          3, Duration.ZERO, 3, Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofHours(24));

  /**
   * Logins per client address, any user name: locked for 1 min (doubling, at most 1 h) after {@code
   * lockAfter}.
   */
  public static LoginThrottle addresses(int lockAfter) {
    return new LoginThrottle(
        lockAfter,
        Duration.ZERO,
        lockAfter,
        Duration.ofMinutes(1),
        Duration.ofHours(1),
        Duration.ofHours(1));
  }

  public LoginThrottle {
    if (delayAfter < 0 || lockAfter < 1)
      throw new IllegalArgumentException("thresholds must be positive");
    Objects.requireNonNull(firstDelay);
    Objects.requireNonNull(firstLock);
    Objects.requireNonNull(maxLock);
    Objects.requireNonNull(forgetAfter);
    if (maxLock.compareTo(forgetAfter) > 0)
      throw new IllegalArgumentException("a lock must not outlast forgetting");
  }

  /**
   * Failures in a row, when the last was, until when the subject is locked (null: never, or
   * expired), and how many locks there were in this run of failures.
   */
  public record State(int failures, Instant lastFailureAt, Instant lockedUntil, int locks) {
    public static final State NONE = new State(0, null, null, 0);

    public boolean lockedAt(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }
  }

  /**
   * The instant before which a new attempt is refused without checking it; empty when it may be
   * checked now.
   */
  public Optional<Instant> refusedUntil(State s, Instant now) {
    if (s.lockedAt(now)) return Optional.of(s.lockedUntil());
    if (forgotten(s, now) || s.lastFailureAt() == null || s.failures() >= lockAfter)
      return Optional.empty();
    Instant until = s.lastFailureAt().plus(delay(s.failures()));
    return now.isBefore(until) ? Optional.of(until) : Optional.empty();
  }

  /** The wait after {@code failures} failures in a row (below the lock threshold). */
  public Duration delay(int failures) {
    if (failures <= delayAfter) return Duration.ZERO;
    Duration d = firstDelay.multipliedBy(1L << Math.min(30, failures - delayAfter - 1));
    return d.compareTo(firstLock) > 0 ? firstLock : d;
  }

  /**
   * How long the lock lasts that follows {@code previousLocks} earlier locks in the same run of
   * failures.
   */
  public Duration lockDuration(int previousLocks) {
    Duration d = firstLock.multipliedBy(1L << Math.min(30, previousLocks));
    return d.compareTo(maxLock) > 0 || d.isNegative() ? maxLock : d;
  }

  /**
   * Whether the run of failures is old enough to be forgotten: the next failure counts as the
   * first.
   */
  public boolean forgotten(State s, Instant now) {
    return s.lastFailureAt() != null && !now.isBefore(s.lastFailureAt().plus(forgetAfter));
  }

  /**
   * The lock to set now, given the state with the failure just counted: from the {@code
   * lockAfter}-th failure on, whenever no lock is running (so an expired lock is followed by a
   * longer one at the next failure).
   */
  public Optional<Instant> lockAfterFailure(State counted, Instant now) {
    if (counted.failures() < lockAfter || counted.lockedAt(now)) return Optional.empty();
    return Optional.of(now.plus(lockDuration(counted.locks())));
  }

  /** The whole step for in-memory counts: the state after one more failure at {@code now}. */
  public State afterFailure(State s, Instant now) {
    State base = s == null || forgotten(s, now) ? State.NONE : s;
    State counted = new State(base.failures() + 1, now, base.lockedUntil(), base.locks());
    return lockAfterFailure(counted, now)
        .map(until -> new State(counted.failures(), now, until, counted.locks() + 1))
        .orElse(counted);
  }

  /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
  public static long retryAfterSeconds(Instant until, Instant now) {
    long millis = Duration.between(now, until).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
