package org.trialledger.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.platform.DatabaseUnavailable;
import org.trialledger.platform.Problem;

/**
 * What an error that reached the container (rather than JAX-RS' or JSF's own handling) becomes, in
 * the format the client asked for. A program calling {@code /api} gets a problem document, never an
 * HTML page (an authentication that could not reach the database fails before JAX-RS runs); a
 * database that cannot serve the request is 503 with {@code Retry-After}, for pages and programs
 * alike.
 */
final class ErrorAnswers {
  private static final Logger LOG = Logger.getLogger(ErrorAnswers.class.getName());

  private ErrorAnswers() {}

  static boolean forApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri == null) return false;
    String path =
        uri.toString()
            .substring(Math.min(request.getContextPath().length(), uri.toString().length()));
    return path.equals("/api") || path.startsWith("/api/");
  }

  static boolean unavailable(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
        && DatabaseUnavailable.isCause(t);
  }

  /** Writes the problem document for an error of an API request. */
  static void writeProblem(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Problem problem;
    if (unavailable(request)) {
      problem = DatabaseUnavailable.problem();
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    } else {
      int status =
          request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
              ? code
              : 500;
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail = null;
      if (status >= 500) {
        String incident = UUID.randomUUID().toString();
        LOG.log(
            Level.SEVERE,
            "Unexpected error in REST call, incident " + incident,
            (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        detail = "Something went wrong on our side. Incident " + incident;
      }
      problem = new Problem(status, title, detail);
    }
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson());
  }

  /** A page request the database could not serve: 503 with {@code Retry-After}. */
  static void markUnavailable(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
  }
}
