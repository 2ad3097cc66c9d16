package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.trialledger.security.domain.LoginThrottle;

/**
 * The failure counters of {@code app_user}, written only with bulk UPDATEs: one {@code SET failed =
 * failed + 1} per failure, atomic under any number of parallel attempts, and outside the row's
 * optimistic lock (a versioned write per login made parallel logins of one account fail). The
 * UPDATE holds the row lock until the transaction ends, so the state read right after it is exactly
 * this failure's, and a lock decided from it is decided once. Callers run in a (short) transaction
 * of their own.
 */
@ApplicationScoped
public class LoginCounters {
  @PersistenceContext private EntityManager em;

  /**
   * What {@link #loginFailed} and {@link #signingFailed} report: the state with the failure
   * counted, and a new lock.
   */
  public record Counted(LoginThrottle.State state, Optional<Instant> newLock) {}

  public Counted loginFailed(long userId, LoginThrottle throttle, Instant now) {
    em.createQuery(
            "UPDATE AppUser u SET"
                + " u.failedLogins = CASE WHEN u.lastFailedLoginAt IS NULL OR u.lastFailedLoginAt <= :forget THEN 1 ELSE u.failedLogins + 1 END,"
                + " u.temporaryLocks = CASE WHEN u.lastFailedLoginAt IS NULL OR u.lastFailedLoginAt <= :forget THEN 0 ELSE u.temporaryLocks END,"
                + " u.lastFailedLoginAt = :now WHERE u.id = :id")
        .setParameter("forget", now.minus(throttle.forgetAfter()))
        .setParameter("now", now)
        .setParameter("id", userId)
        .executeUpdate();
    LoginThrottle.State counted =
        state(
            "SELECT u.failedLogins, u.lastFailedLoginAt, u.lockedUntil, u.temporaryLocks FROM AppUser u WHERE u.id = :id",
            userId);
    Optional<Instant> lock = throttle.lockAfterFailure(counted, now);
    lock.ifPresent(
        until ->
            em.createQuery(
                    "UPDATE AppUser u SET u.lockedUntil = :until, u.lockedAt = :now, u.temporaryLocks = u.temporaryLocks + 1 WHERE u.id = :id")
                .setParameter("until", until)
                .setParameter("now", now)
                .setParameter("id", userId)
                .executeUpdate());
    return new Counted(counted, lock);
  }

  /**
   * A successful login: the run of failures ends. Writes only when there is something to reset or
   * to note.
   */
  public void loginSucceeded(
      long userId, LoginThrottle.State state, Instant lastLoginAt, Instant now) {
    boolean reset = state.failures() > 0 || state.lockedUntil() != null || state.locks() > 0;
    if (!reset && lastLoginAt != null && lastLoginAt.isAfter(now.minusSeconds(60)))
      return; // programs log in on every call
    em.createQuery(
            reset
                ? "UPDATE AppUser u SET u.failedLogins = 0, u.temporaryLocks = 0, u.lockedUntil = NULL, u.lockedAt = NULL,"
                    + " u.lastLoginAt = :now WHERE u.id = :id"
                : "UPDATE AppUser u SET u.lastLoginAt = :now WHERE u.id = :id")
        .setParameter("now", now)
        .setParameter("id", userId)
        .executeUpdate();
  }

  public Counted signingFailed(long userId, LoginThrottle throttle, Instant now) {
    em.createQuery(
            "UPDATE AppUser u SET"
                + " u.signingFailures = CASE WHEN u.lastFailedSigningAt IS NULL OR u.lastFailedSigningAt <= :forget THEN 1 ELSE u.signingFailures + 1 END,"
                + " u.signingLocks = CASE WHEN u.lastFailedSigningAt IS NULL OR u.lastFailedSigningAt <= :forget THEN 0 ELSE u.signingLocks END,"
                + " u.lastFailedSigningAt = :now WHERE u.id = :id")
        .setParameter("forget", now.minus(throttle.forgetAfter()))
        .setParameter("now", now)
        .setParameter("id", userId)
        .executeUpdate();
    LoginThrottle.State counted =
        state(
            "SELECT u.signingFailures, u.lastFailedSigningAt, u.signingLockedUntil, u.signingLocks FROM AppUser u WHERE u.id = :id",
            userId);
    Optional<Instant> lock = throttle.lockAfterFailure(counted, now);
    lock.ifPresent(
        until ->
            em.createQuery(
                    "UPDATE AppUser u SET u.signingLockedUntil = :until, u.signingLocks = u.signingLocks + 1 WHERE u.id = :id")
                .setParameter("until", until)
                .setParameter("id", userId)
                .executeUpdate());
    return new Counted(counted, lock);
  }

  public void signingSucceeded(long userId, LoginThrottle.State state) {
    if (state.failures() == 0 && state.lockedUntil() == null && state.locks() == 0) return;
    em.createQuery(
            "UPDATE AppUser u SET u.signingFailures = 0, u.signingLocks = 0, u.signingLockedUntil = NULL WHERE u.id = :id")
        .setParameter("id", userId)
        .executeUpdate();
  }

  /** An administrator's decision: logins and signatures may be tried again at once. */
  public void unlock(long userId) {
    em.createQuery(
            "UPDATE AppUser u SET u.failedLogins = 0, u.temporaryLocks = 0, u.lockedUntil = NULL, u.lockedAt = NULL,"
                + " u.signingFailures = 0, u.signingLocks = 0, u.signingLockedUntil = NULL WHERE u.id = :id")
        .setParameter("id", userId)
        .executeUpdate();
  }

  /** Replaces a hash by a stronger one of the same password, unless it changed meanwhile. */
  public void rehash(long userId, String oldHash, String newHash) {
    em.createQuery(
            "UPDATE AppUser u SET u.passwordHash = :new WHERE u.id = :id AND u.passwordHash = :old")
        .setParameter("new", newHash)
        .setParameter("old", oldHash)
        .setParameter("id", userId)
        .executeUpdate();
  }

  private LoginThrottle.State state(String jpql, long userId) {
    Object[] row =
        em.createQuery(jpql, Object[].class).setParameter("id", userId).getSingleResult();
    return new LoginThrottle.State(
        ((Number) row[0]).intValue(),
        (Instant) row[1],
        (Instant) row[2],
        ((Number) row[3]).intValue());
  }
}
