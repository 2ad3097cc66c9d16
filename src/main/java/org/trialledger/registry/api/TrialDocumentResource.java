package org.trialledger.registry.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.registry.application.TrialDocuments;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.DocumentKind;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.domain.Role;

/**
 * A trial's documents: sponsors attach PDFs to the draft and leave them out again; published ones
 * are public.
 */
@Path("/trials/{registryId}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registry")
public class TrialDocumentResource {
  @Inject private TrialDocuments documents;
  @Inject private TrialFinder finder;
  @Inject private CurrentActor actor;

  @POST
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(PdfUpload.MEDIA_TYPE)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Attach a PDF to the draft",
      description = "The body is the PDF. Its SHA-256 enters the ledger.")
  public Response upload(
      @PathParam("registryId") String registryId,
      @QueryParam("kind") String kind,
      @QueryParam("fileName") String fileName,
      @HeaderParam("Content-Length") Long contentLength,
      InputStream body) {
    DocumentKind documentKind = documentKind(kind);
    byte[] bytes = PdfUpload.read(body, contentLength, documents.maxBytes());
    Caller caller = actor.caller();
    TrialDocument document = documents.upload(caller, registryId, documentKind, fileName, bytes);
    Trial trial = finder.visibleTrial(caller, registryId);
    return Response.status(201)
        .header(
            "Location", "/api/trials/" + trial.getRegistryId() + "/documents/" + document.getId())
        .entity(TrialJson.write(TrialJson.document(trial, document)))
        .build();
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/{documentId}")
  @RolesAllowed(Role.Names.SPONSOR)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Leave a document out of the next versions (versions that listed it keep it)")
  public Response removeDocument(
      @PathParam("registryId") String registryId, @PathParam("documentId") long documentId) {
    documents.remove(actor.caller(), registryId, documentId);
    return Response.noContent().build();
  }

  @GET
  @Path("/{documentId}")
  @PermitAll
  @Produces({PdfUpload.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "downloadDocument",
      summary = "Download a document (published ones are public)")
  public Response download(
      @PathParam("registryId") String registryId, @PathParam("documentId") long documentId) {
    TrialDocuments.DocumentFile file = documents.file(actor.caller(), registryId, documentId);
    return Response.ok(file.content(), PdfUpload.MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
        .header(
            "Digest",
            "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())))
        .header("X-Content-SHA256", file.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static DocumentKind documentKind(String kind) {
    if (kind == null || kind.isBlank())
      throw InvalidRecordException.of(
          "kind",
          "Say what the document is: PROTOCOL, STATISTICAL_ANALYSIS_PLAN, CONSENT_FORM_TEMPLATE or OTHER");
    try {
      return DocumentKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of(
          "kind", "Use PROTOCOL, STATISTICAL_ANALYSIS_PLAN, CONSENT_FORM_TEMPLATE or OTHER");
    }
  }
}
