package org.trialledger.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers that keep browsers from framing, sniffing, caching or leaking our pages, and that keep
 * injected markup from running script (docs/security.md, "Content Security Policy and headers").
 *
 * <p>The Content-Security-Policy is the one in web.xml ({@code primefaces.CSP_POLICY}). On Faces
 * pages PrimeFaces sends it with the view's {@code 'nonce-…'} appended to {@code script-src}; this
 * filter sends it without a nonce on every answer, and its response wrapper turns PrimeFaces'
 * {@code addHeader} into a {@code setHeader}, so the nonce'd policy replaces ours instead of being
 * intersected with it (ours alone would block the nonce'd scripts). The filter also runs for error
 * and forward dispatches, so error pages rendered by Faces get the same treatment.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String CSP = "Content-Security-Policy";

  /** Used when web.xml names no policy; keep equal to web.xml's primefaces.CSP_POLICY. */
  static final String DEFAULT_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self'";

  /** Browser features no page of ours uses; nobody, not even our own origin, gets them. */
  static final String PERMISSIONS_POLICY =
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(),"
          + " microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(),"
          + " xr-spatial-tracking=()";

  /** Faces resources (scripts, styles, fonts) are the same for everyone and may be cached. */
  private static final String RESOURCES = "/jakarta.faces.resource/";

  private String policy = DEFAULT_POLICY;

  @Override
  public void init() {
    String configured = getServletContext().getInitParameter("primefaces.CSP_POLICY");
    if (configured != null && !configured.isBlank()) policy = configured.strip();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    response.setHeader(CSP, policy);
    if (authenticated(request)
        && !request.getRequestURI().startsWith(request.getContextPath() + RESOURCES)) {
      // What a signed-in user or a program with credentials is shown stays out of every cache
      // (browser
      // history and back button included).
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, new OnePolicy(response));
  }

  /** A signed-in user (page session or API credentials), or a request that carries credentials. */
  static boolean authenticated(HttpServletRequest request) {
    return request.getUserPrincipal() != null || request.getHeader("Authorization") != null;
  }

  /**
   * Lets a later Content-Security-Policy (PrimeFaces' nonce'd one) replace ours rather than add a
   * second.
   */
  static final class OnePolicy extends HttpServletResponseWrapper {
    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) super.setHeader(name, value);
      else super.addHeader(name, value);
    }
  }
}
