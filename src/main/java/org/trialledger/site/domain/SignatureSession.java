package org.trialledger.site.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * 21 CFR 11.200(a)(1) for one login session, kept by the web layer per session: the first signing
 * needs both components (user name and password); later signings in the same continuous session
 * need the password only. A failed attempt, a pause longer than {@code maxPause} or {@link #end()}
 * breaks continuity, so the next signing needs both again. Only the logged-in person can sign
 * (11.200(a)(2)); after {@link #MAX_FAILURES} failures in a row signing is locked for the session,
 * which the caller should report (11.300(d)).
 *
 * <p>Thread-safe: a browser may send two requests of one session at once.
 */
public final class SignatureSession {
  public static final int MAX_FAILURES = 3;

  /**
   * Checks a password against the user store; the password array may be wiped by the caller
   * afterwards.
   */
  @FunctionalInterface
  public interface PasswordCheck {
    boolean matches(String username, char[] password);
  }

  /**
   * Signing was refused; the message is fit for the form (and names nobody but the session's own
   * user).
   */
  public static final class SigningRefusedException extends RuntimeException {
    public SigningRefusedException(String message) {
      super(message, null, false, false);
    }
  }

  private final String loggedInUser;
  private final Clock clock;
  private final Duration maxPause;
  private Instant lastSigning; // null: no continuous signing period
  private int failures;

  public SignatureSession(String loggedInUser, Clock clock, Duration maxPause) {
    if (loggedInUser == null || loggedInUser.isBlank())
      throw new IllegalArgumentException("A signature session belongs to a logged-in user");
    this.loggedInUser = loggedInUser;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxPause = Objects.requireNonNull(maxPause, "maxPause");
  }

  /** Whether the form must ask for the user name as well as the password. */
  public synchronized boolean needsBothComponents() {
    return lastSigning == null || clock.instant().isAfter(lastSigning.plus(maxPause));
  }

  /**
   * Failures in a row in this session (the account's own count is kept by the caller, across
   * sessions).
   */
  public synchronized int failures() {
    return failures;
  }

  public synchronized boolean locked() {
    return failures >= MAX_FAILURES;
  }

  /**
   * Authenticates one signing and returns its manifestation, timed now. {@code username} may be
   * null or blank when {@link #needsBothComponents()} is false; when given it must be the logged-in
   * user's.
   */
  public synchronized Manifestation sign(
      String username,
      char[] password,
      PasswordCheck check,
      String printedName,
      SignatureMeaning meaning) {
    Objects.requireNonNull(meaning, "meaning");
    if (locked())
      throw new SigningRefusedException(
          "Signing is locked after " + MAX_FAILURES + " failed attempts; log in again");
    boolean both = needsBothComponents();
    boolean usernameGiven = username != null && !username.isBlank();
    if (both && !usernameGiven) {
      lastSigning = null;
      throw new SigningRefusedException("Enter your user name and password to sign");
    }
    if (usernameGiven && !loggedInUser.equals(username.strip())) {
      return fail("You can sign only as yourself, the logged-in user");
    }
    if (password == null || password.length == 0 || !check.matches(loggedInUser, password)) {
      return fail("The password is wrong");
    }
    failures = 0;
    lastSigning = clock.instant();
    return new Manifestation(loggedInUser, printedName, lastSigning, meaning);
  }

  /** Logout or session timeout: the next signing needs both components. */
  public synchronized void end() {
    lastSigning = null;
  }

  private Manifestation fail(String message) {
    failures++;
    lastSigning = null;
    throw new SigningRefusedException(
        locked() ? message + "; signing is now locked, log in again" : message);
  }
}
