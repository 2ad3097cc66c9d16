package org.trialledger.security.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.trialledger.platform.DatabaseUnavailable;
import org.trialledger.platform.Problem;
import org.trialledger.security.application.LoginOutcome;
import org.trialledger.security.domain.LoginThrottle;

/**
 * How callers prove who they are. People log in through the login page (which calls {@code
 * SecurityContext.authenticate}) and keep a session; programs send HTTP Basic credentials to {@code
 * /api} with each request. Both go through the same identity store, so throttling counts every
 * failure; failures per client address are counted here too ({@link AddressThrottle}). A throttled
 * program gets 429 with {@code Retry-After}; every other failure the same 401, whether the user
 * exists or not.
 *
 * <p>The API never authenticates with the session (docs/security.md, "CSRF"): a browser attaches
 * the session cookie to any request another site makes it send, so a cookie-authenticated API would
 * act for whoever lured a logged-in user to their page. The session is therefore restored here for
 * pages only, and not with {@code @AutoApplySession}, which would restore it everywhere, {@code
 * /api} included.
 *
 * <p>A person who opens a protected page unauthenticated is sent to the login page and brought back
 * after; a program gets a 401 problem document (from here for bad credentials, from JAX-RS for
 * missing ones), never a redirect to an HTML page.
 */
@ApplicationScoped
public class AppAuthenticationMechanism implements HttpAuthenticationMechanism {
  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String RETURN_TO = "org.trialledger.returnTo";

  /** Request attribute: the failure of a login that could not reach the database. */
  public static final String DATABASE_UNAVAILABLE = "org.trialledger.loginDatabaseUnavailable";

  @Inject private IdentityStoreHandler identityStores;
  @Inject private AddressThrottle addresses;
  @Inject private LastLoginFailure lastFailure;
  @Inject private Clock clock;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      AuthenticationStatus status;
      try {
        status = login(credential, request, context);
      } catch (RuntimeException e) {
        // The login page's action answers it (503), not "wrong password" (platform-notes §12).
        if (!DatabaseUnavailable.isCause(e)) throw e;
        request.setAttribute(DATABASE_UNAVAILABLE, e);
        return AuthenticationStatus.SEND_FAILURE;
      }
      if (status == AuthenticationStatus.SUCCESS) SessionIdentity.keep(request, context);
      return status;
    }
    boolean api = isApi(request);
    if (!api) {
      var restored = SessionIdentity.of(request);
      if (restored.isPresent())
        return context.notifyContainerAboutLogin(restored.get().name(), restored.get().groups());
    }
    String authorization = request.getHeader("Authorization");
    if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      UsernamePasswordCredential basic = decodeBasic(authorization.substring(6).trim());
      AuthenticationStatus status;
      try {
        status = basic == null ? AuthenticationStatus.SEND_FAILURE : login(basic, request, context);
      } catch (RuntimeException e) {
        // Before JAX-RS runs: its problem mapper cannot answer this one (platform-notes §12).
        if (DatabaseUnavailable.isCause(e)) return unavailable(response);
        throw e;
      }
      if (status != AuthenticationStatus.SUCCESS) {
        Instant retryAt = lastFailure.retryAt();
        return retryAt != null
            ? tooManyRequests(response, retryAt)
            : unauthorized(response, "The credentials are not valid");
      }
      return status;
    }
    if (api || !context.isProtected()) {
      // Anonymous API calls go on to JAX-RS, which answers 401/403 for protected resources itself.
      return context.doNothing();
    }
    rememberWhereToReturn(request);
    return context.redirect(request.getContextPath() + LOGIN_PAGE);
  }

  private AuthenticationStatus login(
      Credential credential, HttpServletRequest request, HttpMessageContext context) {
    String address = request.getRemoteAddr();
    Instant now = clock.instant();
    var blocked = addresses.refusedUntil(address, now);
    if (blocked.isPresent()) {
      addresses.failed(address, now);
      lastFailure.set(LoginOutcome.Status.THROTTLED, blocked.get());
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      return context.notifyContainerAboutLogin(result);
    }
    addresses.failed(address, now);
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static UsernamePasswordCredential decodeBasic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) return null;
      return new UsernamePasswordCredential(
          decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"TrialLedger API\", charset=\"UTF-8\"");
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(new Problem(401, "Unauthorized", detail).toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AuthenticationStatus unavailable(HttpServletResponse response) {
    try {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(DatabaseUnavailable.problem().toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus tooManyRequests(HttpServletResponse response, Instant retryAt) {
    try {
      response.setStatus(429);
      response.setHeader(
          "Retry-After", String.valueOf(LoginThrottle.retryAfterSeconds(retryAt, clock.instant())));
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              new Problem(
                      429,
                      "Too Many Requests",
                      "Too many failed logins: try again after the time in Retry-After")
                  .toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Only a GET can be replayed safely after login; anything else returns to the home page. */
  private static void rememberWhereToReturn(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) return;
    String target = request.getRequestURI();
    if (request.getQueryString() != null) target += "?" + request.getQueryString();
    request.getSession().setAttribute(RETURN_TO, target);
  }
}
