package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.PasswordHasher;
import org.trialledger.security.application.SigningAttempts;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.store.AppUser;
import org.trialledger.site.domain.Manifestation;
import org.trialledger.site.domain.SignatureMeaning;
import org.trialledger.site.domain.SignatureSession;

/**
 * A signing by the caller within a signing session: the components are checked against the user
 * store, and the manifestation names the signer by the full name of the user record (21 CFR 11.50),
 * never by a name the request supplies. Failures are counted with the account, not the session, and
 * audited; after three in a row signing is locked (15 minutes, doubling; an administrator can
 * unlock) on pages and API alike (21 CFR 11.300(d); docs/security.md, "Logins and signatures").
 *
 * @throws SignatureSession.SigningRefusedException with a message fit for the form when the signing
 *     fails
 */
@ApplicationScoped
public class Signing {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject private UserDirectory directory;
  @Inject private PasswordHasher passwords;
  @Inject private SigningAttempts attempts;

  /**
   * @param printedName null, or the signer's full name as recorded: any other name is refused (a
   *     signature manifests who signed; a request cannot choose the name shown)
   */
  public Manifestation sign(
      SignatureSession session,
      Caller caller,
      String username,
      String password,
      String printedName,
      SignatureMeaning meaning) {
    AppUser signer = directory.getUser(caller.username());
    if (printedName != null && !printedName.strip().equals(signer.getFullName())) {
      throw new SignatureSession.SigningRefusedException(
          "The printed name is the signer's full name as recorded ("
              + signer.getFullName()
              + "); leave it out or give exactly that");
    }
    Optional<Instant> locked = attempts.lockedUntil(caller.username());
    if (locked.isPresent()) throw lockedFailure(locked.get());
    int failuresBefore = session.failures();
    Manifestation manifestation;
    try {
      manifestation =
          session.sign(
              username,
              password == null ? new char[0] : password.toCharArray(),
              (u, p) ->
                  u.equals(signer.getUsername()) && passwords.matches(p, signer.getPasswordHash()),
              signer.getFullName(),
              meaning);
    } catch (SignatureSession.SigningRefusedException e) {
      if (session.failures() > failuresBefore) {
        Optional<Instant> nowLocked = attempts.failed(caller.username());
        if (nowLocked.isPresent()) throw lockedFailure(nowLocked.get());
      }
      throw e;
    }
    attempts.succeeded(caller.username());
    return manifestation;
  }

  private static SignatureSession.SigningRefusedException lockedFailure(Instant until) {
    return new SignatureSession.SigningRefusedException(
        "Signing is locked after "
            + SignatureSession.MAX_FAILURES
            + " failed attempts, until "
            + TIME.format(until)
            + "; an administrator can unlock it");
  }
}
