package org.trialledger.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.trialledger.platform.Problem;

/**
 * Invalid fields become a 400 problem document listing each field and its message. Registered for
 * this exact type so that it wins over the server's built-in mapper of validation errors, which
 * answers HTML.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException e) {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    e.getConstraintViolations().stream()
        .sorted((a, b) -> field(a).compareTo(field(b)))
        .forEach(
            v ->
                errors.add(
                    Json.createObjectBuilder()
                        .add("field", field(v))
                        .add("message", v.getMessage())));
    String body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", "Bad Request")
            .add("status", 400)
            .add("detail", "The request has invalid fields")
            .add("errors", errors)
            .build()
            .toString();
    return Response.status(400).type(Problem.MEDIA_TYPE).entity(body).build();
  }

  /** "createUser.request.username" → "username". */
  private static String field(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
