package org.trialledger.verification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.verification.application.AnchoredBundles;

/**
 * Proof bundles, public: what the offline verifier ({@code trialledger-verifier.jar verify})
 * checks.
 */
@Path("/proofs")
@PermitAll
@Tag(name = "Verification")
public class ProofResource {
  @Inject private AnchoredBundles bundles;

  @GET
  @Path("/{leafHash}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The proof bundle of the entry with this leaf hash",
      description =
          "Against the first anchored checkpoint that covers the entry, with its .ots proof (else the latest checkpoint).")
  public Response bundle(@PathParam("leafHash") String leafHash) {
    String hash = leafHash.toLowerCase(Locale.ROOT);
    if (!hash.matches("[0-9a-f]{64}"))
      throw new BadRequestException("A leaf hash is 64 hexadecimal digits");
    return Response.ok(bundles.forLeafHash(hash).toJson())
        .header(
            "Content-Disposition",
            "attachment; filename=\"proof-" + hash.substring(0, 16) + ".json\"")
        .build();
  }
}
