package org.trialledger.site.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import org.trialledger.site.domain.SignatureSession;

/**
 * The continuous signing session of a logged-in user (21 CFR 11.200(a)(1)): the first signature
 * asks for user name and password, later ones in the same session the password only; logging out
 * ends it.
 */
@SessionScoped
public class SigningSessions implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient SignatureSession session;

  SignatureSession of(String username) {
    if (session == null || !username.equals(owner)) {
      session = new SignatureSession(username, Clock.systemUTC(), Duration.ofMinutes(30));
      owner = username;
    }
    return session;
  }

  private String owner;
}
