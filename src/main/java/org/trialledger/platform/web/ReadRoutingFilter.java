package org.trialledger.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.trialledger.platform.PublicReads;

/**
 * Gives every request its {@link PublicReads}: who is asking decides whether its public reads may
 * go to the replica. Signed in means a caller the container knows (a page session restored, API
 * credentials checked), any {@code Authorization} header, or any session cookie: someone who may
 * have just written reads the primary. Nothing is opened here; the first public read decides.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ReadRoutingFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject private PublicReads reads;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean signedIn =
        request.getUserPrincipal() != null
            || request.getHeader("Authorization") != null
            || request.getRequestedSessionId() != null;
    try (PublicReads.Scope scope = reads.begin(signedIn, request.getMethod())) {
      chain.doFilter(request, response);
    }
  }
}
