package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.PasswordHasher;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.site.domain.Manifestation;
import org.trialledger.site.domain.SignatureMeaning;
import org.trialledger.site.domain.SignatureSession;

/**
 * A signing by the caller within a signing session: the components are checked against the user store, and
 * the manifestation names the signer by the printed name given, else the user's full name (21 CFR 11.50).
 *
 * @throws SignatureSession.SigningRefusedException with a message fit for the form when the signing fails
 */
@ApplicationScoped
public class Signing {
  @Inject private UserDirectory directory;
  @Inject private PasswordHasher passwords;

  public Manifestation sign(SignatureSession session, Caller caller, String username, String password, String printedName,
      SignatureMeaning meaning) {
    String name = printedName != null ? printedName : directory.findUser(caller.username()).map(u -> u.getFullName()).orElse(caller.username());
    return session.sign(username, password == null ? new char[0] : password.toCharArray(),
        (u, p) -> directory.findUser(u).map(user -> passwords.matches(p, user.getPasswordHash())).orElse(false), name, meaning);
  }
}
