package org.trialledger.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.trialledger.platform.web.UnavailablePage;

/**
 * Error pages render as a fresh page, not as a postback of the page that failed. An error met
 * during a postback is dispatched to the error page with the failed form's parameters still on the
 * request; JSF would then treat the error page as a postback too (restoring a view it never had,
 * checking the CSP nonce of another page) and fail a second time, turning an honest 400 or 404 into
 * a 500.
 *
 * <p>The error is also answered in the client's format ({@link ErrorAnswers}): a problem document
 * for {@code /api}, the 503 page when the database was unavailable.
 */
@WebFilter(
    filterName = "ErrorPageRequestFilter",
    urlPatterns = "/error/*",
    dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (ErrorAnswers.forApi(request)) {
      ErrorAnswers.writeProblem(request, response);
      return;
    }
    if (ErrorAnswers.unavailable(request)
        && !request.getServletPath().equals(UnavailablePage.LOCATION)) {
      ErrorAnswers.markUnavailable(response);
      request
          .getRequestDispatcher(UnavailablePage.LOCATION)
          .forward(new WithoutParameters(request), response);
      return;
    }
    chain.doFilter(new WithoutParameters(request), response);
  }

  /** The request as a plain GET of the error page: no form parameters. */
  private static final class WithoutParameters extends HttpServletRequestWrapper {
    WithoutParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }
  }
}
