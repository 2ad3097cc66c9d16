package org.trialledger.log.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.log.application.AuditJobs;
import org.trialledger.log.application.AuditProgress;
import org.trialledger.platform.NotFoundException;

/**
 * The full audit of the ledger, for regulators and administrators: start one, watch it, read its
 * findings.
 */
@Path("/ledger/audits")
@RolesAllowed({"REGULATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Log")
@SecurityRequirement(name = "basic")
public class LedgerAuditResource {
  @Inject private AuditJobs jobs;
  @Inject private Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startLedgerAudit",
      summary = "Start a full audit; answers 202 with its progress and a Location to poll")
  public Response start(@Context SecurityContext security) {
    AuditProgress job = jobs.start(security.getUserPrincipal().getName());
    return Response.accepted(job.snapshot(clock.instant()))
        .location(UriBuilder.fromPath("/api/ledger/audits/{id}").build(job.id()))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "ledgerAudit",
      summary = "Progress (percent, rate, ETA) and discrepancies of a full audit")
  public AuditProgress.Snapshot get(@PathParam("id") String id) {
    return jobs.find(id)
        .orElseThrow(() -> new NotFoundException("No audit " + id))
        .snapshot(clock.instant());
  }
}
