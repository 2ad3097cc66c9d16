package org.trialledger.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.security.application.Deactivation;
import org.trialledger.security.application.NewOrganisation;
import org.trialledger.security.application.NewUser;
import org.trialledger.security.application.OrganisationView;
import org.trialledger.security.application.PasswordChange;
import org.trialledger.security.application.UserAdministration;
import org.trialledger.security.application.UserDetails;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.application.UserView;
import org.trialledger.security.domain.Role;

/** Organisations and users, for administrators. */
@Path("/admin")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "basic")
public class AdminResource {
  @Inject private UserDirectory directory;
  @Inject private UserAdministration administration;

  @GET
  @Path("/organisations")
  @Operation(summary = "List organisations")
  public List<OrganisationView> organisations() {
    return directory.organisations().stream().map(OrganisationView::of).toList();
  }

  @POST
  @Path("/organisations")
  @Operation(summary = "Create an organisation")
  public Response createOrganisation(NewOrganisation request) {
    OrganisationView created = OrganisationView.of(administration.createOrganisation(request));
    return Response.created(
            UriBuilder.fromPath("/api/admin/organisations/{id}").build(created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Path("/users")
  @Operation(summary = "List users")
  public List<UserView> users() {
    return directory.users().stream().map(UserView::of).toList();
  }

  @GET
  @Path("/users/{username}")
  @Operation(summary = "One user")
  public UserView user(@PathParam("username") String username) {
    return UserView.of(directory.getUser(username));
  }

  @POST
  @Path("/users")
  @Operation(summary = "Create a user in an organisation, with a role that organisation permits")
  public Response createUser(NewUser request) {
    UserView created = UserView.of(administration.createUser(request));
    return Response.created(UriBuilder.fromPath("/api/admin/users/{u}").build(created.username()))
        .entity(created)
        .build();
  }

  @POST
  @Path("/users/{username}/unlock")
  @Operation(summary = "Unlock an account locked after failed logins")
  public UserView unlock(@PathParam("username") String username) {
    return UserView.of(administration.unlock(username));
  }

  @PUT
  @Path("/users/{username}")
  @Operation(summary = "Change a user's full name and e-mail")
  public UserView changeDetails(@PathParam("username") String username, UserDetails details) {
    return UserView.of(administration.changeDetails(username, details));
  }

  @POST
  @Path("/users/{username}/password")
  @Operation(summary = "Set a new password for a user who lost theirs")
  public UserView resetPassword(@PathParam("username") String username, PasswordChange change) {
    return UserView.of(administration.resetPassword(username, change));
  }

  @POST
  @Path("/users/{username}/deactivate")
  @Operation(summary = "Deactivate an account, with the reason; its sessions stop working")
  public UserView deactivate(@PathParam("username") String username, Deactivation why) {
    return UserView.of(administration.deactivate(username, why));
  }

  @POST
  @Path("/users/{username}/reactivate")
  @Operation(summary = "Reactivate a deactivated account")
  public UserView reactivate(@PathParam("username") String username) {
    return UserView.of(administration.reactivate(username));
  }
}
