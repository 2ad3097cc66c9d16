package org.trialledger.log.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.ReceiptView;
import org.trialledger.platform.NotFoundException;

/**
 * Receipts by leaf hash, public. A receipt tells whether an entry is still queued or included, at
 * which index, and the first checkpoint that covers it. It holds hashes only, never content.
 */
@Path("/receipts")
@PermitAll
@Tag(name = "Log")
public class ReceiptResource {
  @Inject private LedgerLog log;

  @GET
  @Path("/{leafHash}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The receipt of the entry with this leaf hash (64 hex digits)")
  public ReceiptView receipt(@PathParam("leafHash") String leafHash) {
    String hash = leafHash.toLowerCase(Locale.ROOT);
    if (!hash.matches("[0-9a-f]{64}"))
      throw new BadRequestException("A leaf hash is 64 hexadecimal digits");
    return log.receipt(hash)
        .orElseThrow(() -> new NotFoundException("The log holds no entry with leaf hash " + hash));
  }
}
