package org.trialledger.api;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.DatabaseUnavailable;
import org.trialledger.platform.InvalidFieldsException;
import org.trialledger.platform.MalformedBodyException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.Problem;
import org.trialledger.platform.RuleViolationException;

/**
 * Every failure of a REST call becomes an RFC 9457 problem document. Unexpected errors are logged
 * with an incident id that the caller also gets; their details never leave the server.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Context private SecurityContext security;

  @Override
  public Response toResponse(Throwable e) {
    if (DatabaseUnavailable.isCause(e)) return unavailable(e);
    Throwable cause = unwrap(e);
    if (cause instanceof ConstraintViolationException cve)
      return new ConstraintViolationMapper().toResponse(cve);
    if (cause instanceof RuleViolationException)
      return problem(409, "Conflict", cause.getMessage());
    if (cause instanceof InvalidFieldsException invalid) return invalidFields(invalid);
    if (cause instanceof MalformedBodyException)
      return problem(400, "Bad Request", cause.getMessage());
    if (cause instanceof AccessDeniedException)
      return problem(403, "Forbidden", cause.getMessage());
    if (cause instanceof NotFoundException) return problem(404, "Not Found", cause.getMessage());
    if (cause instanceof JsonbException || cause instanceof ProcessingException) {
      return problem(
          400, "Bad Request", "The request body is not valid JSON of the expected shape");
    }
    if (cause instanceof NotAuthorizedException
        || (cause instanceof ForbiddenException && security.getUserPrincipal() == null)) {
      return Response.status(401)
          .header("WWW-Authenticate", "Basic realm=\"TrialLedger API\", charset=\"UTF-8\"")
          .type(Problem.MEDIA_TYPE)
          .entity(new Problem(401, "Unauthorized", "Authentication is required").toJson())
          .build();
    }
    if (cause instanceof WebApplicationException wae) {
      Response.StatusType status = wae.getResponse().getStatusInfo();
      // Our own WebApplicationExceptions carry a message for the caller; the server's say only
      // "HTTP 404 …".
      String message = wae.getMessage();
      String detail =
          message != null && !message.startsWith("HTTP ")
              ? message
              : describe(status.getStatusCode());
      return problem(status.getStatusCode(), status.getReasonPhrase(), detail);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error in REST call, incident " + incident, e);
    return problem(
        500, "Internal Server Error", "Something went wrong on our side. Incident " + incident);
  }

  /** 503: the database cannot serve the request now; the caller may retry (platform-notes §12). */
  static Response unavailable(Throwable e) {
    LOG.log(Level.WARNING, "Database unavailable for a REST call: {0}", String.valueOf(e));
    return Response.status(503)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
        .type(Problem.MEDIA_TYPE)
        .entity(DatabaseUnavailable.problem().toJson())
        .build();
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof EJBException || t instanceof RollbackException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(int status) {
    return switch (status) {
      case 403 -> "Your role may not do this";
      case 404 -> "There is no such resource";
      case 405 -> "This method is not allowed on this resource";
      case 406 -> "No representation in the requested media type";
      case 415 ->
          "This resource does not take a body of this Content-Type; /openapi names the media type"
              + " each operation takes";
      default -> null;
    };
  }

  /** 422: the request was well-formed JSON, but fields break the rules; every field is listed. */
  private static Response invalidFields(InvalidFieldsException e) {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    e.fields()
        .forEach(
            f ->
                errors.add(
                    Json.createObjectBuilder()
                        .add("field", f.field())
                        .add("message", f.message())));
    String body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", "Unprocessable Content")
            .add("status", 422)
            .add(
                "detail",
                e.fields().size() == 1
                    ? e.fields().get(0).toString()
                    : e.fields().size() + " fields need attention")
            .add("errors", errors)
            .build()
            .toString();
    return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
  }

  private static Response problem(int status, String title, String detail) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(status, title, detail).toJson())
        .build();
  }
}
