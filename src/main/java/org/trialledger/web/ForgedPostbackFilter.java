package org.trialledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.primefaces.csp.CspException;

/**
 * A page postback without the CSP nonce its page was given (PrimeFaces' script adds it; a forged or
 * replayed form lacks it) is a bad request, answered 400 like an expired view state, not a 500.
 */
@WebFilter(filterName = "ForgedPostbackFilter", urlPatterns = "*.xhtml")
public class ForgedPostbackFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!causedByCsp(e) || response.isCommitted()) throw e;
      // Written here, not through the 400 error page: that is a Faces page, and rendering it for
      // this same
      // request would meet the same missing nonce.
      response.reset();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("text/html;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><title>Page expired</title></head><body>"
                  + "<h1>This page has expired</h1><p><a href=\""
                  + request.getContextPath()
                  + "/\">Start again from the home page</a>"
                  + " and repeat what you were doing.</p></body></html>");
    }
  }

  private static boolean causedByCsp(Throwable e) {
    for (Throwable t = e;
        t != null;
        t = t.getCause()) { // a ServletException's root cause is its cause
      if (t instanceof CspException) return true;
    }
    return false;
  }
}
