package org.trialledger.anchoring.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.anchoring.application.AnchorStore;
import org.trialledger.anchoring.application.Anchoring;
import org.trialledger.anchoring.application.PublicStatus;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.platform.NotFoundException;
import org.trialledger.security.domain.Role;

/**
 * The anchors of the log's checkpoints in Bitcoin (OpenTimestamps): public to read, administrators
 * stamp on request.
 */
@Path("/anchors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Anchoring")
public class AnchorResource {
  public static final String OTS_MEDIA_TYPE = "application/vnd.opentimestamps.v1";

  @Inject private AnchorStore store;
  @Inject private Anchoring anchoring;

  @GET
  @PermitAll
  @Operation(summary = "The newest anchors, with their status and each calendar's state")
  public List<AnchorView> anchors(@QueryParam("limit") @DefaultValue("50") int limit) {
    return store.anchors(Math.max(1, Math.min(limit, 500))).stream()
        .map(a -> AnchorView.of(a, store.calendars(a.getId())))
        .toList();
  }

  @GET
  @Path("/{id}")
  @PermitAll
  @Operation(summary = "One anchor")
  public AnchorView anchor(@PathParam("id") long id) {
    return AnchorView.of(store.anchor(id), store.calendars(id));
  }

  @GET
  @Path("/{id}/ots")
  @PermitAll
  @Produces({OTS_MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The OpenTimestamps proof (.ots) of the anchored checkpoint note",
      description = "Verify it with any OpenTimestamps client against the checkpoint's note text.")
  public Response ots(@PathParam("id") long id) {
    Anchor a = store.anchor(id);
    return Response.ok(a.getOtsProof(), OTS_MEDIA_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"checkpoint-" + a.getTreeSize() + ".ots\"")
        .build();
  }

  @GET
  @Path("/{id}/tsr")
  @PermitAll
  @Produces({"application/timestamp-reply", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The RFC 3161 token of the anchored checkpoint (DER)",
      description = "openssl ts -verify -token_in -in … -digest <SHA-256 of the checkpoint note>")
  public Response tsaToken(@PathParam("id") long id) {
    Anchor a = store.anchor(id);
    if (a.getTsaToken() == null)
      throw new NotFoundException("Anchor " + id + " has no RFC 3161 token");
    return Response.ok(a.getTsaToken(), "application/timestamp-reply")
        .header(
            "Content-Disposition",
            "attachment; filename=\"checkpoint-" + a.getTreeSize() + ".tsr\"")
        .build();
  }

  @GET
  @Path("/attempts")
  @PermitAll
  @Operation(
      summary = "Recent stamping attempts, failed ones included",
      description =
          "Failures read as a status (\"unreachable, will retry\"); the exception text stays in"
              + " the server's log and database.")
  public List<Map<String, Object>> attempts() {
    return store.recentAttempts(50).stream()
        .map(
            a ->
                Map.<String, Object>of(
                    "at",
                    a.getAttemptedAt().toString(),
                    "treeSize",
                    a.getTreeSize(),
                    "succeeded",
                    a.isSucceeded(),
                    "message",
                    PublicStatus.of(a.getMessage())))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/stamp")
  @RolesAllowed(Role.Names.ADMIN)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Stamp the newest checkpoint now (if the log grew, or always with force=true)")
  public Anchoring.StampOutcome stamp(@QueryParam("force") @DefaultValue("false") boolean force) {
    return anchoring.stampNewest(force);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/upgrade")
  @RolesAllowed(Role.Names.ADMIN)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Ask the calendars about every open anchor now")
  public Map<String, Object> upgrade() {
    return Map.of("upgraded", anchoring.upgradeDue(true));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/reverify")
  @RolesAllowed(Role.Names.ADMIN)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Check open anchors again against the header source")
  public Map<String, Object> reverify() {
    anchoring.reverify();
    return Map.of("done", true);
  }
}
