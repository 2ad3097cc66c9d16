package org.trialledger.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.application.UserView;
import org.trialledger.security.domain.Role;

/** Who the caller is. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account")
@SecurityRequirement(name = "basic")
public class MeResource {
  @Inject private UserDirectory directory;

  @GET
  @RolesAllowed({Role.Names.SPONSOR, Role.Names.SITE, Role.Names.REGULATOR, Role.Names.ADMIN})
  @Operation(summary = "The authenticated user, organisation and roles")
  public UserView me(@Context SecurityContext security) {
    return UserView.of(directory.getUser(security.getUserPrincipal().getName()));
  }
}
