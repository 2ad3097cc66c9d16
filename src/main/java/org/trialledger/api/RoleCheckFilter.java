package org.trialledger.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.trialledger.platform.Problem;

/**
 * Enforces {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll} on resource methods (method
 * first, then class). A resource with none of them is denied: an endpoint is public only when it
 * says so.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheckFilter implements ContainerRequestFilter {
  @Context private ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo.getResourceMethod();
    if (method == null) return; // no resource matched: JAX-RS answers 404/405 itself
    Class<?> type = resourceInfo.getResourceClass();
    if (method.isAnnotationPresent(DenyAll.class)) {
      deny(request, Response.Status.FORBIDDEN, "This operation is not available");
      return;
    }
    if (method.isAnnotationPresent(PermitAll.class)) return;
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null && !method.isAnnotationPresent(PermitAll.class)) {
      if (type.isAnnotationPresent(PermitAll.class)) return;
      roles = type.getAnnotation(RolesAllowed.class);
    }
    SecurityContext security = request.getSecurityContext();
    if (roles == null) {
      deny(request, Response.Status.FORBIDDEN, "This operation is not available");
    } else if (security.getUserPrincipal() == null) {
      request.abortWith(
          problem(Response.Status.UNAUTHORIZED, "Authentication is required")
              .header("WWW-Authenticate", "Basic realm=\"TrialLedger API\", charset=\"UTF-8\"")
              .build());
    } else if (Arrays.stream(roles.value()).noneMatch(security::isUserInRole)) {
      deny(request, Response.Status.FORBIDDEN, "Your role may not do this");
    }
  }

  private static void deny(ContainerRequestContext request, Response.Status status, String detail) {
    request.abortWith(problem(status, detail).build());
  }

  private static Response.ResponseBuilder problem(Response.Status status, String detail) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(status.getStatusCode(), status.getReasonPhrase(), detail).toJson());
  }
}
