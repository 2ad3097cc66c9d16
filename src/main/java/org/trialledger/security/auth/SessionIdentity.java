package org.trialledger.security.auth;

import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Who logged in on this session, kept for the pages. Only names are kept: what a caller may do is
 * looked up again on every request from the user record (an account locked or changed meanwhile
 * takes effect).
 */
record SessionIdentity(String name, Set<String> groups) implements Serializable {
  private static final String ATTRIBUTE = SessionIdentity.class.getName();

  SessionIdentity {
    groups = Set.copyOf(groups);
  }

  /**
   * Keeps the caller just authenticated in {@code context}, in the request's session (created if
   * need be).
   */
  static void keep(HttpServletRequest request, HttpMessageContext context) {
    var principal = context.getCallerPrincipal();
    if (principal == null) return;
    request
        .getSession(true)
        .setAttribute(ATTRIBUTE, new SessionIdentity(principal.getName(), context.getGroups()));
  }

  /** The identity kept in the request's existing session, if any. Never creates a session. */
  static Optional<SessionIdentity> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) return Optional.empty();
    return session.getAttribute(ATTRIBUTE) instanceof SessionIdentity identity
        ? Optional.of(identity)
        : Optional.empty();
  }
}
