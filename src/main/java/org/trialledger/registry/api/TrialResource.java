package org.trialledger.registry.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.registry.api.TrialRequests.SubmitRequest;
import org.trialledger.registry.api.TrialRequests.WithdrawRequest;
import org.trialledger.registry.application.SearchCriteria;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.TrialImports;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.application.TrialSearch;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.Role;

/**
 * The registry for programs: public search and published registrations; sponsors' drafts,
 * submissions and withdrawals; the regulators' review queue; imports and exports. Records are sent
 * and returned in the JSON the versions are hashed in; bodies are read by {@link TrialRequests}.
 * Versions and their review are in {@link TrialVersionResource}, documents in {@link
 * TrialDocumentResource}.
 */
@Path("/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registry")
public class TrialResource {
  @Inject private TrialRegistry registry;
  @Inject private TrialFinder finder;
  @Inject private TrialSearch search;
  @Inject private TrialImports imports;
  @Inject private CurrentActor actor;
  @Inject private UserDirectory directory;

  @GET
  @PermitAll
  @Operation(
      summary = "Search published trials",
      description =
          "A registry id, secondary id (NCT, EudraCT…) or acronym finds that trial first; other free text (words, \"phrases\", -excluded words, OR; plurals and other word forms match) searches titles, conditions, interventions and sponsor; filters; paging. Matches are counted up to 1,000: beyond that total is 1000 and totalExact false, and offset may not exceed 1000 (refine the search).")
  public String search(
      @QueryParam("q") String q,
      @QueryParam("recruitmentStatus") String status,
      @QueryParam("phase") String phase,
      @QueryParam("country") String country,
      @QueryParam("sponsor") String sponsor,
      @Parameter(description = "YYYY-MM-DD") @QueryParam("startFrom") String startFrom,
      @Parameter(description = "YYYY-MM-DD") @QueryParam("startTo") String startTo,
      @Parameter(description = "RELEVANCE, NEWEST, TITLE or START_DATE") @QueryParam("sort")
          String sort,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    if (offset < 0 || offset > TrialSearch.COUNT_LIMIT) {
      throw InvalidRecordException.of(
          "offset", "Use an offset from 0 to 1000; refine the search to see other matches");
    }
    if (limit < 1 || limit > TrialSearch.MAX_PAGE) {
      throw InvalidRecordException.of("limit", "Use a limit from 1 to 100");
    }
    if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
      throw InvalidRecordException.of("country", "Use a two-letter ISO 3166 country code");
    }
    SearchCriteria criteria =
        new SearchCriteria(
            q,
            status,
            phase,
            country,
            sponsor,
            date("startFrom", startFrom),
            date("startTo", startTo),
            sort(sort));
    return TrialJson.write(TrialJson.page(search.search(criteria, offset, limit)));
  }

  @POST
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Start a registration: a draft with a new registry id",
      description = "The body is a registration record; drafts may be incomplete.")
  public Response create(String body) {
    Trial trial = registry.createDraft(actor.caller(), TrialRequests.registration(body));
    return Response.status(201)
        .header("Location", "/api/trials/" + trial.getRegistryId())
        .entity(TrialJson.write(trialWithDraft(actor.caller(), trial)))
        .build();
  }

  @POST
  @Path("/import/ctgov")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Import a ClinicalTrials.gov API v2 study record as a new draft",
      description =
          "The body is the JSON of GET https://clinicaltrials.gov/api/v2/studies/{nctId}. The answer lists what could not be mapped.")
  public Response importCtGov(String body) {
    Caller caller = actor.caller();
    TrialImports.Imported imported = imports.importCtGov(caller, body);
    Map<String, Object> m = TrialJson.trial(imported.trial(), sponsorName(imported.trial()));
    m.put("unmapped", new ArrayList<Object>(imported.result().unmapped()));
    m.put("warnings", new ArrayList<Object>(imported.result().warnings()));
    m.put("draft", TrialJson.record(imported.result().record()));
    return Response.status(201)
        .header("Location", "/api/trials/" + imported.trial().getRegistryId())
        .entity(TrialJson.write(m))
        .build();
  }

  @GET
  @Path("/{registryId}/export/fhir")
  @PermitAll
  @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
  @Operation(summary = "The published registration as a FHIR R4 ResearchStudy")
  public Response exportFhir(@PathParam("registryId") String registryId) {
    String json = imports.fhir(actor.caller(), registryId);
    return Response.ok(json, "application/fhir+json;charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + registryId.strip() + "-ResearchStudy.json\"")
        .build();
  }

  @GET
  @Path("/{registryId}/export/ctgov")
  @PermitAll
  @Operation(summary = "The published registration in the ClinicalTrials.gov API v2 shape")
  public Response exportCtGov(@PathParam("registryId") String registryId) {
    String json = imports.ctgov(actor.caller(), registryId);
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header(
            "Content-Disposition", "attachment; filename=\"" + registryId.strip() + "-ctgov.json\"")
        .build();
  }

  @GET
  @Path("/mine")
  @RolesAllowed(Role.Names.SPONSOR)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Your organisation's trials, drafts included")
  public String mine() {
    List<Object> list = new ArrayList<>();
    for (Trial t : finder.ownTrials(actor.caller())) list.add(TrialJson.trial(t, sponsorName(t)));
    return TrialJson.write(list);
  }

  @GET
  @Path("/review-queue")
  @RolesAllowed(Role.Names.REGULATOR)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Versions awaiting review, oldest first")
  public String reviewQueue() {
    List<Object> list = new ArrayList<>();
    for (TrialVersion v : finder.awaitingReview()) {
      Trial t = finder.trialById(v.getTrialId());
      Map<String, Object> m = TrialJson.version(t, v, List.of());
      m.put("registryId", t.getRegistryId());
      list.add(m);
    }
    return TrialJson.write(list);
  }

  @GET
  @Path("/{registryId}")
  @PermitAll
  @Operation(summary = "A trial: its state, the published record, visible versions and documents")
  public String trial(@PathParam("registryId") String registryId) {
    Caller caller = actor.caller();
    Trial trial = finder.visibleTrial(caller, registryId);
    Map<String, Object> m = TrialJson.trial(trial, sponsorName(trial));
    finder
        .publishedVersion(trial)
        .ifPresent(v -> m.put("record", TrialJson.record(finder.recordOf(v))));
    List<Object> versions = new ArrayList<>();
    for (TrialVersion v : finder.visibleVersions(caller, trial))
      versions.add(TrialJson.version(trial, v, finder.visibleComments(caller, trial, v)));
    m.put("versions", versions);
    List<Object> docs = new ArrayList<>();
    for (TrialDocument d : finder.visibleDocuments(caller, trial))
      docs.add(TrialJson.document(trial, d));
    m.put("documents", docs);
    return TrialJson.write(m);
  }

  @GET
  @Path("/{registryId}/draft")
  @RolesAllowed({Role.Names.SPONSOR, Role.Names.REGULATOR})
  @SecurityRequirement(name = "basic")
  @Operation(summary = "The sponsor's working draft")
  public String draft(@PathParam("registryId") String registryId) {
    Caller caller = actor.caller();
    Trial trial = finder.visibleTrial(caller, registryId);
    return TrialJson.write(TrialJson.record(finder.draft(caller, trial)));
  }

  @PUT
  @Path("/{registryId}/draft")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(summary = "Replace the working draft")
  public String updateDraft(@PathParam("registryId") String registryId, String body) {
    Caller caller = actor.caller();
    Trial trial = registry.updateDraft(caller, registryId, TrialRequests.registration(body));
    return TrialJson.write(trialWithDraft(caller, trial));
  }

  @POST
  @Path("/{registryId}/submit")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Submit the draft as the next version, for review",
      description = "Body: {\"reason\": \"…\"} (required from version 2 on).")
  public Response submit(@PathParam("registryId") String registryId, String body) {
    Caller caller = actor.caller();
    TrialVersion version = registry.submit(caller, registryId, SubmitRequest.read(body).reason());
    Trial trial = finder.visibleTrial(caller, registryId);
    return Response.status(201)
        .header(
            "Location",
            "/api/trials/" + trial.getRegistryId() + "/versions/" + version.getVersionNumber())
        .entity(TrialJson.write(TrialJson.version(trial, version, List.of())))
        .build();
  }

  @POST
  @Path("/{registryId}/withdraw")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "basic")
  @Operation(
      summary = "Withdraw a published trial",
      description = "Body: {\"reason\": \"…\"}. The history stays public.")
  public String withdraw(@PathParam("registryId") String registryId, String body) {
    Trial trial =
        registry.withdraw(actor.caller(), registryId, WithdrawRequest.read(body).reason());
    return TrialJson.write(TrialJson.trial(trial, sponsorName(trial)));
  }

  private Map<String, Object> trialWithDraft(Caller caller, Trial trial) {
    Map<String, Object> m = TrialJson.trial(trial, sponsorName(trial));
    m.put("draft", TrialJson.record(finder.draft(caller, trial)));
    return m;
  }

  private String sponsorName(Trial t) {
    return directory
        .findOrganisation(t.getSponsorOrganisationId())
        .map(o -> o.getName())
        .orElse(null);
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw InvalidRecordException.of(name, "Write the date as YYYY-MM-DD");
    }
  }

  private static SearchCriteria.Sort sort(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return SearchCriteria.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of("sort", "Use RELEVANCE, NEWEST, TITLE or START_DATE");
    }
  }
}
