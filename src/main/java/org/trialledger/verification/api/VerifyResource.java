package org.trialledger.verification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.verification.application.ConsistencyMonitor;
import org.trialledger.verification.application.Lookup;
import org.trialledger.verification.application.RegistryLookup;

/**
 * Public verification: does the registry hold this hash, and what proves it. Only hashes travel.
 */
@Path("/verify")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification")
public class VerifyResource {
  @Inject private RegistryLookup lookup;
  @Inject private ConsistencyMonitor monitor;

  @GET
  @Path("/{hash}")
  @Operation(
      summary = "Look up a SHA-256 of a file or record, or a leaf hash",
      description = "registered=false means the registry holds no artifact with this hash.")
  public Lookup byHash(@PathParam("hash") String hash) {
    return lookup.lookup(hash);
  }

  @POST
  @Path("/consistency")
  @Consumes(MediaType.TEXT_PLAIN)
  @Operation(
      operationId = "verifyConsistency",
      summary = "Check that the latest checkpoint extends a checkpoint you saved earlier",
      description =
          "The body is the saved checkpoint's signed note text. The answer carries the consistency proof.")
  public ConsistencyMonitor.Verdict consistency(String savedCheckpoint) {
    return monitor.check(savedCheckpoint);
  }

  @POST
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @Operation(summary = "Look up a pasted hash or receipt (the receipt's leaf hash is used)")
  public Lookup byText(String text) {
    return lookup.lookup(text);
  }
}
