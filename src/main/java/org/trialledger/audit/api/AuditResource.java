package org.trialledger.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.audit.application.AuditCsv;
import org.trialledger.audit.application.AuditEventView;
import org.trialledger.audit.application.AuditQueries;
import org.trialledger.audit.domain.AuditFilter;
import org.trialledger.audit.store.AuditEvent;
import org.trialledger.security.domain.Role;

/** The audit trail, for regulators and administrators. */
@Path("/audit")
@RolesAllowed({Role.Names.REGULATOR, Role.Names.ADMIN})
@Tag(name = "Audit trail")
@SecurityRequirement(name = "basic")
public class AuditResource {
  private static final int MAX_PAGE = 500;

  @Inject private AuditQueries queries;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "auditEvents",
      summary = "Audit records, newest first, filtered (times are ISO-8601 instants, UTC)")
  public List<AuditEventView> list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    if (first < 0 || max < 1 || max > MAX_PAGE) {
      throw new BadRequestException("first must be ≥ 0 and max between 1 and " + MAX_PAGE);
    }
    AuditFilter filter =
        new AuditFilter(
            actor, action, objectType, objectId, instant("from", from), instant("to", to));
    return queries.page(filter, first, max).stream().map(AuditEventView::of).toList();
  }

  @GET
  @Path("/export.csv")
  @Produces("text/csv")
  @Transactional
  @Operation(
      operationId = "exportAuditCsv",
      summary = "The filtered audit trail as CSV, oldest first")
  public Response exportCsv(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AuditFilter filter =
        new AuditFilter(
            actor, action, objectType, objectId, instant("from", from), instant("to", to));
    // Materialised inside the transaction; streaming JPA results past it is not portable.
    List<AuditEvent> events = queries.stream(filter).toList();
    StreamingOutput body =
        out -> AuditCsv.write(events.stream(), new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"")
        .build();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }
}
