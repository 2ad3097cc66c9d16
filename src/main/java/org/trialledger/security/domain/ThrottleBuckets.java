package org.trialledger.security.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure counts kept in memory, by key (a client address, or a user name that names no account),
 * under one {@link LoginThrottle}. Bounded: beyond {@code maxKeys} the forgotten and unlocked
 * entries are dropped first, then all, so a flood of made-up keys costs memory only up to the
 * bound. Per process: each instance of a cluster counts on its own. Thread-safe.
 */
public final class ThrottleBuckets {
  private final LoginThrottle throttle;
  private final int maxKeys;
  private final ConcurrentHashMap<String, LoginThrottle.State> states = new ConcurrentHashMap<>();

  public ThrottleBuckets(LoginThrottle throttle, int maxKeys) {
    this.throttle = throttle;
    this.maxKeys = maxKeys;
  }

  public Optional<Instant> refusedUntil(String key, Instant now) {
    LoginThrottle.State s = states.get(key);
    return s == null ? Optional.empty() : throttle.refusedUntil(s, now);
  }

  /** Counts a failure; returns the new state. */
  public LoginThrottle.State failed(String key, Instant now) {
    if (states.size() >= maxKeys && !states.containsKey(key)) prune(now);
    return states.compute(key, (k, s) -> throttle.afterFailure(s, now));
  }

  public void succeeded(String key) {
    states.remove(key);
  }

  public int size() {
    return states.size();
  }

  private void prune(Instant now) {
    states
        .entrySet()
        .removeIf(
            e ->
                throttle.forgotten(e.getValue(), now)
                    || throttle.refusedUntil(e.getValue(), now).isEmpty());
    if (states.size() >= maxKeys) states.clear();
  }
}
