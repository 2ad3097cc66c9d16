package org.trialledger.site.api;

import static org.trialledger.site.api.SiteJson.*;

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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.domain.Role;
import org.trialledger.site.application.Enrolment;
import org.trialledger.site.application.RecordConsent;
import org.trialledger.site.application.RecordDisposition;
import org.trialledger.site.application.RecordResult;
import org.trialledger.site.application.ReportAdverseEvent;
import org.trialledger.site.application.SignatureCheck;
import org.trialledger.site.application.Signing;
import org.trialledger.site.application.SiteQueries;
import org.trialledger.site.application.SubjectRecords;
import org.trialledger.site.domain.AdverseEventRecord;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.DispositionRecord;
import org.trialledger.site.domain.Manifestation;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.domain.SignatureMeaning;
import org.trialledger.site.domain.SignatureSession;
import org.trialledger.site.store.SiteRecord;
import org.trialledger.site.store.Subject;

/**
 * One subject, by pseudonym: its records (never identifying details), and for its site's staff
 * consent, results and adverse events. A consent is signed in the request with user name and
 * password both (each API call is its own signing session, 21 CFR 11.200).
 */
@Path("/subjects/{pseudonym}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
@SecurityRequirement(name = "basic")
public class SubjectResource {
  @Inject private SubjectRecords records;
  @Inject private Enrolment enrolment;
  @Inject private SiteQueries queries;
  @Inject private SignatureCheck signatures;
  @Inject private CurrentActor actor;
  @Inject private Signing signing;
  @Inject private Clock clock;

  @GET
  @RolesAllowed({Role.Names.SITE, Role.Names.SPONSOR, Role.Names.REGULATOR})
  @Operation(
      summary = "A subject's records, every version, with ledger commitments and signature checks")
  public String subject(@PathParam("pseudonym") String pseudonym) {
    Subject s = queries.visibleSubject(actor.caller(), pseudonym);
    List<Object> records = new ArrayList<>();
    for (SiteRecord r : queries.records(s)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", r.getKind().name());
      m.put("key", r.getRecordKey());
      m.put("version", (long) r.getVersion());
      m.put("record", r.getRecordJson() == null ? null : JsonParser.parse(r.getRecordJson()));
      m.put("commitment", r.getCommitment());
      m.put("leafHash", r.getLeafHash());
      if (r.getKind() == SiteRecord.Kind.CONSENT) m.put("signatureValid", signatures.holds(r));
      records.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pseudonym", s.getPseudonym());
    out.put("enrolledAt", s.getEnrolledAt().toString());
    out.put("erased", s.getErasedAt() != null);
    out.put("records", records);
    return write(out);
  }

  @POST
  @Path("consents")
  @RolesAllowed(Role.Names.SITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a consent or withdrawal, signed",
      description =
          "Body: {consentFormId, event: CONSENTED|WITHDRAWN, occurredAt (ISO instant), username, password, printedName, reason (required to consent again on the same form)}")
  public Response consent(@PathParam("pseudonym") String pseudonym, String body) {
    Map<?, ?> m = object(body);
    Caller caller = actor.caller();
    ConsentRecord.Event event = choice(m, "event", ConsentRecord.Event.class);
    Manifestation signature =
        sign(
            caller,
            text(m, "username"),
            text(m, "password"),
            text(m, "printedName"),
            event == ConsentRecord.Event.WITHDRAWN
                ? SignatureMeaning.RESPONSIBILITY
                : SignatureMeaning.CONSENT_OBTAINED);
    SiteRecord r =
        records.consent(
            caller,
            new RecordConsent(
                pseudonym,
                number(m, "consentFormId"),
                event,
                instant(m, "occurredAt"),
                signature,
                text(m, "reason")));
    return Response.status(201)
        .entity(
            write(
                Map.of(
                    "version",
                    (long) r.getVersion(),
                    "leafHash",
                    r.getLeafHash(),
                    "commitment",
                    r.getCommitment())))
        .build();
  }

  @POST
  @Path("results")
  @RolesAllowed(Role.Names.SITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Enter a result, or correct one (a new version with a reason)",
      description =
          "Body: {visit, observedOn, outcomeIndex, valueType: NUMBER|TEXT, value, unit, reason}")
  public Response result(@PathParam("pseudonym") String pseudonym, String body) {
    Map<?, ?> m = object(body);
    SiteRecord r =
        records.result(
            actor.caller(),
            new RecordResult(
                pseudonym,
                text(m, "visit"),
                date(m, "observedOn"),
                integer(m, "outcomeIndex", 1, 1_000),
                choice(m, "valueType", ResultRecord.ValueType.class),
                text(m, "value"),
                text(m, "unit"),
                text(m, "reason")));
    return Response.status(201)
        .entity(write(Map.of("version", (long) r.getVersion(), "leafHash", r.getLeafHash())))
        .build();
  }

  @POST
  @Path("adverse-events")
  @RolesAllowed(Role.Names.SITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Report an adverse event, or correct one (eventId and a reason)")
  public Response adverseEvent(@PathParam("pseudonym") String pseudonym, String body) {
    Map<?, ?> m = object(body);
    Object serious = m.get("serious");
    SiteRecord r =
        records.adverseEvent(
            actor.caller(),
            new ReportAdverseEvent(
                pseudonym,
                text(m, "eventId"),
                text(m, "term"),
                serious instanceof Boolean b ? b : null,
                choice(m, "severity", AdverseEventRecord.Severity.class),
                date(m, "onsetDate"),
                date(m, "endDate"),
                choice(m, "outcome", AdverseEventRecord.Outcome.class),
                choice(m, "relatedness", AdverseEventRecord.Relatedness.class),
                text(m, "reason"),
                null));
    return Response.status(201)
        .entity(
            write(
                Map.of(
                    "eventId",
                    r.getRecordKey(),
                    "version",
                    (long) r.getVersion(),
                    "leafHash",
                    r.getLeafHash())))
        .build();
  }

  @POST
  @Path("disposition")
  @RolesAllowed(Role.Names.SITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record that the subject completed the study or discontinued it",
      description =
          "Body: {status: COMPLETED|DISCONTINUED, reason (when discontinued: ADVERSE_EVENT, DEATH,"
              + " LACK_OF_EFFICACY, LOST_TO_FOLLOW_UP, PHYSICIAN_DECISION, PREGNANCY,"
              + " PROTOCOL_VIOLATION, WITHDRAWAL_BY_SUBJECT, SPONSOR_DECISION, OTHER), detail,"
              + " date (ISO date), reasonForChange (to change what was recorded)}")
  public Response disposition(@PathParam("pseudonym") String pseudonym, String body) {
    Map<?, ?> m = object(body);
    SiteRecord r =
        records.disposition(
            actor.caller(),
            new RecordDisposition(
                pseudonym,
                choice(m, "status", DispositionRecord.Status.class),
                choice(m, "reason", DispositionRecord.Reason.class),
                text(m, "detail"),
                date(m, "date"),
                text(m, "reasonForChange")));
    return Response.status(201)
        .entity(write(Map.of("version", (long) r.getVersion(), "leafHash", r.getLeafHash())))
        .build();
  }

  @POST
  @Path("erase")
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Honour an erasure request (crypto-shredding): body {\"reason\": \"…\"}")
  public String erase(@PathParam("pseudonym") String pseudonym, String body) {
    enrolment.erase(actor.caller(), pseudonym, text(object(body), "reason"));
    return write(Map.of("erased", true));
  }

  /** Both components every time: the API has no continuous signing session. */
  private Manifestation sign(
      Caller caller,
      String username,
      String password,
      String printedName,
      SignatureMeaning meaning) {
    try {
      return signing.sign(
          new SignatureSession(caller.username(), clock, Duration.ofMinutes(15)),
          caller,
          username,
          password,
          printedName,
          meaning);
    } catch (SignatureSession.SigningRefusedException e) {
      throw InvalidRecordException.of("signature", e.getMessage());
    }
  }
}
