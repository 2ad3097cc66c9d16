package org.trialledger.results.api;

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
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.platform.MalformedBodyException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.results.application.ResultsDrafts;
import org.trialledger.results.application.ResultsVersionView;
import org.trialledger.results.application.TrialResults;
import org.trialledger.results.domain.ResultsEnvelope;
import org.trialledger.results.domain.ResultsFinding;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.interop.CtGovResultsExporter;
import org.trialledger.results.interop.CtGovResultsImporter;
import org.trialledger.results.interop.FhirResultsExporter;
import org.trialledger.results.interop.ResultsImport;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.domain.Role;

/**
 * A trial's results: the public reads the newest published results (as TrialLedger's record or as a
 * ClinicalTrials.gov {@code resultsSection}); the sponsor checks and submits versions; regulators
 * comment, return and publish them.
 */
@Path("/trials/{registryId}/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class ResultsResource {
  @Inject private TrialResults results;
  @Inject private CurrentActor actor;
  @Inject private ResultsDrafts drafts;

  @GET
  @PermitAll
  @Operation(
      summary = "The newest published results version's canonical JSON",
      description =
          "The exact bytes whose SHA-256 is the RESULTS_VERSION ledger entry's content hash.")
  public Response publishedResults(@PathParam("registryId") String registryId) {
    ResultsVersionView v =
        results
            .published(actor.caller(), registryId)
            .orElseThrow(() -> new NotFoundException("No results are published for this trial"));
    return canonical(v);
  }

  @GET
  @Path("/ctgov")
  @PermitAll
  @Operation(summary = "The newest published results as a ClinicalTrials.gov resultsSection")
  public String publishedResultsAsCtgov(@PathParam("registryId") String registryId) {
    ResultsVersionView v =
        results
            .published(actor.caller(), registryId)
            .orElseThrow(() -> new NotFoundException("No results are published for this trial"));
    return CtGovResultsExporter.resultsSection(ResultsEnvelope.parse(v.canonicalJson()).record())
        .toString();
  }

  @GET
  @Path("/fhir")
  @PermitAll
  @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The newest published results as FHIR R4",
      description =
          "A Bundle (collection): a Group per registered arm and group-level Observations (outcome"
              + " measure values with dispersion and numbers analysed; adverse events by term).")
  public Response publishedResultsAsFhir(@PathParam("registryId") String registryId) {
    ResultsVersionView v =
        results
            .published(actor.caller(), registryId)
            .orElseThrow(() -> new NotFoundException("No results are published for this trial"));
    String json =
        FhirResultsExporter.toJson(
            registryId.strip(), v.version(), ResultsEnvelope.parse(v.canonicalJson()).record());
    return Response.ok(json, "application/fhir+json;charset=UTF-8").build();
  }

  @GET
  @Path("/versions")
  @PermitAll
  @Operation(summary = "The results versions (published ones; all for the sponsor and regulators)")
  public String resultsVersions(@PathParam("registryId") String registryId) {
    Caller caller = actor.caller();
    List<Object> list = new ArrayList<>();
    for (ResultsVersionView v : results.visibleVersions(caller, registryId)) list.add(version(v));
    return CanonicalJson.write(list);
  }

  @GET
  @Path("/versions/{version}")
  @PermitAll
  @Operation(summary = "A results version's canonical JSON")
  public Response resultsVersion(
      @PathParam("registryId") String registryId, @PathParam("version") int number) {
    return canonical(results.visibleVersion(actor.caller(), registryId, number));
  }

  @GET
  @Path("/prefill")
  @RolesAllowed(Role.Names.SPONSOR)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "A first results record from the registration and the sites' data",
      description =
          "For the trial's sponsor, nothing saved: groups per registered arm, the registered"
              + " outcomes, and what the sites recorded (participants who started, completed and"
              + " did not complete with the sites' reasons, outcome values, adverse events).")
  public String prefillResults(@PathParam("registryId") String registryId) {
    return drafts.prefill(actor.caller(), registryId).canonicalJson();
  }

  @POST
  @Path("/validation")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Check results as ClinicalTrials.gov's PRS would, without submitting them",
      description =
          "Body: a results record (schema trialledger.results/1) or a ClinicalTrials.gov study"
              + " with a resultsSection. Answers the errors and warnings per field, and for a"
              + " ClinicalTrials.gov record the paths that could not be mapped.")
  public String validateResults(@PathParam("registryId") String registryId, String body) {
    Caller caller = actor.caller();
    Read read = read(caller, registryId, body);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("findings", findings(results.check(caller, registryId, read.record())));
    m.put("unmapped", read.unmapped());
    m.put("warnings", read.warnings());
    return CanonicalJson.write(m);
  }

  @POST
  @Path("/versions")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Submit a results version for review",
      description =
          "Body as for validation. Errors refuse the submission (422, one entry per field); the"
              + " version's canonical JSON is entered in the ledger as RESULTS_VERSION.")
  public Response submitResults(@PathParam("registryId") String registryId, String body) {
    Caller caller = actor.caller();
    ResultsVersionView v =
        results.submit(caller, registryId, read(caller, registryId, body).record());
    return Response.status(201).entity(CanonicalJson.write(version(v))).build();
  }

  @POST
  @Path("/versions/{version}/comments")
  @RolesAllowed(Role.Names.REGULATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Comment on a results version under review",
      description = "Body: {\"severity\": \"MAJOR\"|\"ADVISORY\", \"body\": \"…\"}.")
  public Response commentOnResults(
      @PathParam("registryId") String registryId, @PathParam("version") int number, String body) {
    Map<?, ?> request = object(body);
    CommentSeverity severity = null;
    if (request.get("severity") instanceof String s) {
      try {
        severity = CommentSeverity.valueOf(s);
      } catch (IllegalArgumentException e) {
        throw InvalidRecordException.of("severity", "Use MAJOR or ADVISORY");
      }
    }
    String text = request.get("body") instanceof String s ? s : null;
    ResultsVersionView.Comment c =
        results.comment(actor.caller(), registryId, number, severity, text);
    return Response.status(201).entity(CanonicalJson.write(comment(c))).build();
  }

  @POST
  @Path("/versions/{version}/publish")
  @RolesAllowed(Role.Names.REGULATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Publish a results version under review (refused with major comments)")
  public String publishResults(
      @PathParam("registryId") String registryId, @PathParam("version") int number) {
    return CanonicalJson.write(version(results.publish(actor.caller(), registryId, number)));
  }

  @POST
  @Path("/versions/{version}/return")
  @RolesAllowed(Role.Names.REGULATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Return a results version to the sponsor (needs a major comment)")
  public String returnResults(
      @PathParam("registryId") String registryId, @PathParam("version") int number) {
    return CanonicalJson.write(
        version(results.returnToSponsor(actor.caller(), registryId, number)));
  }

  /** A body read as a results record, or imported from a ClinicalTrials.gov study. */
  private record Read(ResultsRecord record, List<Object> unmapped, List<Object> warnings) {}

  private Read read(Caller caller, String registryId, String body) {
    Map<?, ?> json = object(body);
    if (json.containsKey("resultsSection") || json.containsKey("protocolSection")) {
      try {
        ResultsImport imported =
            CtGovResultsImporter.importResults(body, results.armLabels(caller, registryId));
        return new Read(
            imported.record(), List.copyOf(imported.unmapped()), List.copyOf(imported.warnings()));
      } catch (IllegalArgumentException e) {
        throw new MalformedBodyException(e.getMessage());
      }
    }
    Map<Object, Object> withSchema = new LinkedHashMap<>(json);
    withSchema.putIfAbsent("schema", ResultsRecord.SCHEMA);
    if (!ResultsRecord.SCHEMA.equals(withSchema.get("schema")))
      throw InvalidRecordException.of("schema", "Use " + ResultsRecord.SCHEMA);
    return new Read(
        org.trialledger.registry.domain.RecordCodec.decode(withSchema, ResultsRecord.class),
        List.of(),
        List.of());
  }

  private static Map<?, ?> object(String body) {
    Object parsed;
    try {
      parsed = JsonParser.parse(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonParser.MalformedJsonException e) {
      throw new MalformedBodyException("The body is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map))
      throw new MalformedBodyException("The body is a JSON object");
    return map;
  }

  private static Response canonical(ResultsVersionView v) {
    return Response.ok(v.canonicalJson(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("X-Content-SHA256", v.contentHash())
        .header("X-Leaf-Hash", v.leafHash())
        .build();
  }

  private static Map<String, Object> version(ResultsVersionView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", (long) v.version());
    m.put("state", v.state().name());
    m.put("submittedAt", v.submittedAt().toString());
    m.put("submittedBy", v.submittedBy());
    m.put("decidedAt", v.decidedAt() == null ? null : v.decidedAt().toString());
    m.put("decidedBy", v.decidedBy());
    m.put("contentSha256", v.contentHash());
    m.put("leafHash", v.leafHash());
    m.put("comments", v.comments().stream().map(ResultsResource::comment).toList());
    return m;
  }

  private static Map<String, Object> comment(ResultsVersionView.Comment c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", c.severity().name());
    m.put("body", c.body());
    m.put("author", c.author());
    m.put("createdAt", c.createdAt().toString());
    return m;
  }

  private static List<Object> findings(List<ResultsFinding> findings) {
    List<Object> out = new ArrayList<>();
    for (ResultsFinding f : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", f.severity().name());
      m.put("field", f.field());
      m.put("message", f.message());
      out.add(m);
    }
    return out;
  }
}
