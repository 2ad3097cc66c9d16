package org.trialledger.verification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.domain.Role;
import org.trialledger.verification.application.InspectionJobs;

/**
 * Inspection packages of trials, for regulators: start one, watch its progress, download the zip.
 */
@Path("/inspections")
@RolesAllowed(Role.Names.REGULATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification")
@SecurityRequirement(name = "basic")
public class InspectionResource {
  @Inject private InspectionJobs jobs;
  @Inject private CurrentActor actor;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startInspection",
      summary = "Start building the inspection package of a trial")
  public Response start(@QueryParam("trial") String registryId) {
    if (registryId == null || registryId.isBlank())
      throw InvalidRecordException.of("trial", "Name the trial (its registry id)");
    InspectionJobs.Status status = jobs.start(actor.caller(), registryId);
    return Response.status(202)
        .header("Location", "/api/inspections/" + status.id())
        .entity(status)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "inspectionStatus", summary = "Progress of a package being built")
  public InspectionJobs.Status status(@PathParam("id") String id) {
    return jobs.status(actor.caller(), id);
  }

  @GET
  @Path("/{id}/package")
  @Produces({"application/zip", MediaType.APPLICATION_JSON})
  @Operation(operationId = "downloadInspectionPackage", summary = "The finished package (zip)")
  public Response download(@PathParam("id") String id) {
    java.nio.file.Path file = jobs.file(actor.caller(), id);
    InspectionJobs.Status status = jobs.status(actor.caller(), id);
    return Response.ok(file.toFile(), "application/zip")
        .header(
            "Content-Disposition",
            "attachment; filename=\"inspection-" + status.registryId() + ".zip\"")
        .build();
  }
}
