package org.trialledger.registry.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.registry.api.TrialRequests.CommentRequest;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.domain.Role;

/**
 * A trial's versions: the history, each version's canonical JSON and the differences between two;
 * the regulators' review of a version (comments, publication, return). One class for everything
 * under {@code /trials/{registryId}/versions}: JAX-RS picks a single root resource per request, the
 * longest path first.
 */
@Path("/trials/{registryId}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registry")
public class TrialVersionResource {
  @Inject private TrialRegistry registry;
  @Inject private TrialFinder finder;
  @Inject private CurrentActor actor;

  @GET
  @PermitAll
  @Operation(
      summary =
          "The version history (published versions; all versions for the sponsor and regulators)")
  public String versions(@PathParam("registryId") String registryId) {
    Caller caller = actor.caller();
    Trial trial = finder.visibleTrial(caller, registryId);
    List<Object> list = new ArrayList<>();
    for (TrialVersion v : finder.visibleVersions(caller, trial))
      list.add(TrialJson.version(trial, v, finder.visibleComments(caller, trial, v)));
    return TrialJson.write(list);
  }

  @GET
  @Path("/{version}")
  @PermitAll
  @Operation(
      summary =
          "A version's canonical JSON: the exact bytes whose SHA-256 is its ledger entry's content hash")
  public Response version(
      @PathParam("registryId") String registryId, @PathParam("version") int number) {
    Caller caller = actor.caller();
    Trial trial = finder.visibleTrial(caller, registryId);
    TrialVersion v = finder.visibleVersion(caller, trial, number);
    return Response.ok(v.getCanonicalJson(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("X-Content-SHA256", v.getContentHash())
        .header("X-Leaf-Hash", v.getLeafHash())
        .build();
  }

  @GET
  @Path("/{from}/diff/{to}")
  @PermitAll
  @Operation(summary = "What changed between two versions, item by item")
  public String diff(
      @PathParam("registryId") String registryId,
      @PathParam("from") int from,
      @PathParam("to") int to) {
    Caller caller = actor.caller();
    Trial trial = finder.visibleTrial(caller, registryId);
    RegistrationRecord a = finder.recordOf(finder.visibleVersion(caller, trial, from));
    RegistrationRecord b = finder.recordOf(finder.visibleVersion(caller, trial, to));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", (long) from);
    m.put("to", (long) to);
    m.put("changes", TrialJson.diff(RecordDiff.compare(a, b)));
    return TrialJson.write(m);
  }

  @POST
  @Path("/{version}/comments")
  @RolesAllowed(Role.Names.REGULATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Comment on a version under review",
      description =
          "Body: {\"severity\": \"MAJOR\"|\"ADVISORY\", \"body\": \"…\"}. Major comments block publication.")
  public Response comment(
      @PathParam("registryId") String registryId, @PathParam("version") int number, String body) {
    CommentRequest request = CommentRequest.read(body);
    var comment =
        registry.comment(actor.caller(), registryId, number, request.severity(), request.body());
    return Response.status(201).entity(TrialJson.write(TrialJson.comment(comment))).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/{version}/publish")
  @RolesAllowed(Role.Names.REGULATOR)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Publish a version under review (refused while it has major comments)")
  public String publish(
      @PathParam("registryId") String registryId, @PathParam("version") int number) {
    Caller caller = actor.caller();
    TrialVersion v = registry.publish(caller, registryId, number);
    return TrialJson.write(
        TrialJson.version(finder.visibleTrial(caller, registryId), v, List.of()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/{version}/return")
  @RolesAllowed(Role.Names.REGULATOR)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Return a version to the sponsor (needs a major comment)")
  public String returnToSponsor(
      @PathParam("registryId") String registryId, @PathParam("version") int number) {
    Caller caller = actor.caller();
    TrialVersion v = registry.returnToSponsor(caller, registryId, number);
    return TrialJson.write(
        TrialJson.version(finder.visibleTrial(caller, registryId), v, List.of()));
  }
}
