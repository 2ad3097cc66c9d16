package org.trialledger.anchoring.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.anchoring.application.BitcoinHeaders;

/**
 * The Bitcoin headers this server has validated, as a headers file ("HEIGHT HEX" lines) that the
 * offline verifier takes with {@code --headers}: it re-validates them against its own trusted
 * headers, so nobody needs to trust this server for them.
 */
@Path("/bitcoin")
@PermitAll
@Tag(name = "Anchoring")
public class BitcoinHeadersResource {
  @Inject private BitcoinHeaders bitcoin;

  @GET
  @Path("/headers")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary =
          "Validated Bitcoin block headers from height `from` to `to` (at most 2016), one \"HEIGHT HEX\" line each; heights not validated yet are left out")
  public String headers(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
    // parsed here, not by JAX-RS: a malformed number is the caller's 400, not a 404
    long from = height("from", fromText);
    long to = height("to", toText);
    if (to < from) throw new BadRequestException("to must be at least from");
    if (to - from >= BitcoinHeaders.MAX_RANGE)
      throw new BadRequestException(
          "at most " + BitcoinHeaders.MAX_RANGE + " headers at once (one difficulty period)");
    StringBuilder out = new StringBuilder();
    bitcoin
        .validated(from, to)
        .forEach(
            (height, header) ->
                out.append(height)
                    .append(' ')
                    .append(HexFormat.of().formatHex(header.bytes()))
                    .append('\n'));
    return out.toString();
  }

  private static long height(String name, String text) {
    if (text == null || text.isBlank()) throw new BadRequestException(name + " is required");
    try {
      long h = Long.parseLong(text.strip());
      if (h < 0) throw new BadRequestException(name + " must be ≥ 0");
      return h;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a block height (a whole number)");
    }
  }
}
