package org.trialledger.site.api;

import static org.trialledger.site.api.SiteJson.*;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.application.PasswordHasher;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.Role;
import org.trialledger.site.application.Enrolment;
import org.trialledger.site.application.FileCredential;
import org.trialledger.site.application.PublishConsentForm;
import org.trialledger.site.application.SignatureCheck;
import org.trialledger.site.application.SiteActivations;
import org.trialledger.site.application.SiteExports;
import org.trialledger.site.application.SiteQueries;
import org.trialledger.site.application.SummaryPublication;
import org.trialledger.site.domain.IdentifyingDetails;
import org.trialledger.site.store.SiteCredential;
import org.trialledger.site.store.Subject;

/**
 * Sites, subjects, consent, results and adverse events for programs. Subjects appear by pseudonym
 * only; no answer ever carries identifying details. A consent is signed in the request: user name
 * and password both (each API call is its own signing session, 21 CFR 11.200).
 */
@Path("/trials/{registryId}/site")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
@SecurityRequirement(name = "basic")
public class SiteResource {
  @Inject private SiteActivations activations;
  @Inject private Enrolment enrolment;
  @Inject private SummaryPublication summaries;
  @Inject private SiteQueries queries;
  @Inject private SiteExports exports;
  @Inject private SignatureCheck signatures;
  @Inject private TrialFinder trials;
  @Inject private CurrentActor actor;
  @Inject private UserDirectory directory;
  @Inject private PasswordHasher passwords;
  @Inject private Clock clock;

  @POST
  @Path("activations")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Activate a site for a published trial",
      description = "Body: {\"siteOrganisationId\": 3, \"principalInvestigator\": \"Dr …\"}")
  public Response activate(@PathParam("registryId") String registryId, String body) {
    Map<?, ?> m = object(body);
    var a =
        activations.activate(
            actor.caller(),
            registryId,
            number(m, "siteOrganisationId"),
            text(m, "principalInvestigator"));
    return Response.status(201)
        .entity(write(Map.of("id", a.getId(), "siteOrganisationId", a.getSiteOrganisationId())))
        .build();
  }

  @POST
  @Path("activations/{siteOrganisationId}/credentials")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes("application/pdf")
  @Operation(
      summary =
          "File an investigator credential (PDF: CV, GCP_CERTIFICATE or LICENCE) with a site's activation")
  public Response credential(
      @PathParam("registryId") String registryId,
      @PathParam("siteOrganisationId") long siteOrganisationId,
      @QueryParam("kind") String kind,
      @QueryParam("fileName") String fileName,
      @HeaderParam("Content-Length") Long length,
      InputStream body)
      throws IOException {
    if (length != null && length > 50L * 1024 * 1024)
      throw new WebApplicationException("The file is larger than the limit of 50 MB", 413);
    SiteCredential.Kind k;
    try {
      k = kind == null ? null : SiteCredential.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of("kind", "Use CV, GCP_CERTIFICATE or LICENCE");
    }
    var c =
        activations.fileCredential(
            actor.caller(),
            new FileCredential(
                registryId,
                siteOrganisationId,
                k,
                fileName,
                body.readNBytes(50 * 1024 * 1024 + 1)));
    return Response.status(201)
        .entity(
            write(Map.of("id", c.getId(), "sha256", c.getSha256(), "leafHash", c.getLeafHash())))
        .build();
  }

  @POST
  @Path("consent-forms")
  @RolesAllowed(Role.Names.SPONSOR)
  @Consumes("application/pdf")
  @Operation(
      summary = "Publish a consent form version (PDF) for the trial's current protocol version")
  public Response consentForm(
      @PathParam("registryId") String registryId,
      @QueryParam("label") String label,
      @QueryParam("language") String language,
      @QueryParam("fileName") String fileName,
      @HeaderParam("Content-Length") Long length,
      InputStream body)
      throws IOException {
    if (length != null && length > 50L * 1024 * 1024)
      throw new WebApplicationException("The file is larger than the limit of 50 MB", 413);
    byte[] pdf = body.readNBytes(50 * 1024 * 1024 + 1);
    var f =
        activations.publishConsentForm(
            actor.caller(), new PublishConsentForm(registryId, label, language, fileName, pdf));
    return Response.status(201)
        .entity(
            write(
                Map.of(
                    "id",
                    f.getId(),
                    "protocolVersion",
                    (long) f.getProtocolVersion(),
                    "sha256",
                    f.getSha256(),
                    "leafHash",
                    f.getLeafHash())))
        .build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("subjects")
  @RolesAllowed(Role.Names.SITE)
  @Operation(
      summary = "Enrol a subject under a new random pseudonym",
      description =
          "Optional body {\"name\",\"birthDate\",\"contact\"}: kept encrypted for the site, never hashed or exported.")
  public Response enrol(@PathParam("registryId") String registryId, String body) {
    IdentifyingDetails details = null;
    if (body != null && !body.isBlank()) {
      Map<?, ?> m = object(body);
      details = new IdentifyingDetails(text(m, "name"), date(m, "birthDate"), text(m, "contact"));
    }
    Subject s = enrolment.enrol(actor.caller(), registryId, details);
    return Response.status(201)
        .entity(
            write(
                Map.of("pseudonym", s.getPseudonym(), "enrolledAt", s.getEnrolledAt().toString())))
        .build();
  }

  @GET
  @Path("subjects")
  @RolesAllowed({Role.Names.SITE, Role.Names.SPONSOR, Role.Names.REGULATOR})
  @Operation(summary = "Subjects with consent status (a site sees its own)")
  public String subjects(@PathParam("registryId") String registryId) {
    Caller caller = actor.caller();
    Trial trial = trials.visibleTrial(caller, registryId);
    List<Object> out = new ArrayList<>();
    for (SiteQueries.SubjectRow r : queries.rows(caller, trial)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pseudonym", r.pseudonym());
      m.put("site", "SITE-" + r.siteOrganisationId());
      m.put("consent", r.consent());
      m.put("mustReconsent", r.mustReconsent());
      m.put("results", (long) r.results());
      m.put("openAdverseEvents", (long) r.openAdverseEvents());
      out.add(m);
    }
    return write(out);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("summary-results")
  @RolesAllowed(Role.Names.SPONSOR)
  @Operation(
      summary =
          "Compute the summary results from the sites' data and publish them as the next version")
  public Response publishSummary(@PathParam("registryId") String registryId) {
    var v = summaries.publish(actor.caller(), registryId);
    return Response.status(201)
        .entity(v.getCanonicalJson())
        .header("X-Leaf-Hash", v.getLeafHash())
        .build();
  }

  @GET
  @Path("summary-results")
  @PermitAll
  @Operation(
      summary =
          "The latest published summary results (canonical JSON; its SHA-256 is the ledger entry's content hash)")
  public Response summary(@PathParam("registryId") String registryId) {
    Trial trial = trials.visibleTrial(actor.caller(), registryId);
    var v =
        summaries
            .latest(trial)
            .orElseThrow(
                () -> new NotFoundException("No summary results published for " + registryId));
    return Response.ok(v.getCanonicalJson())
        .header("X-Content-SHA256", v.getContentHash())
        .header("X-Leaf-Hash", v.getLeafHash())
        .build();
  }

  @GET
  @Path("exports/odm")
  @RolesAllowed({Role.Names.SPONSOR, Role.Names.REGULATOR})
  @Produces({"application/xml", MediaType.APPLICATION_JSON})
  @Operation(summary = "The trial's clinical data as CDISC ODM 1.3.2 (pseudonyms only)")
  public Response odm(@PathParam("registryId") String registryId) {
    return Response.ok(exports.odm(actor.caller(), registryId), "application/xml")
        .header(
            "Content-Disposition", "attachment; filename=\"" + registryId.strip() + "-odm.xml\"")
        .build();
  }

  @GET
  @Path("exports/fhir")
  @RolesAllowed({Role.Names.SPONSOR, Role.Names.REGULATOR})
  @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
  @Operation(summary = "ResearchSubject and Consent resources (FHIR R4 Bundle, pseudonyms only)")
  public Response fhir(@PathParam("registryId") String registryId) {
    return Response.ok(exports.fhir(actor.caller(), registryId), "application/fhir+json").build();
  }
}
