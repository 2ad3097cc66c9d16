package org.trialledger.site.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.platform.web.ReadableTime;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
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
import org.trialledger.site.domain.OutcomeMeasure;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.domain.SignatureMeaning;
import org.trialledger.site.domain.SignatureSession;
import org.trialledger.site.store.ConsentForm;
import org.trialledger.site.store.SiteRecord;
import org.trialledger.site.store.Subject;

/**
 * One subject for its site: consent with an e-signature (the manifestation shown with every signed
 * record), results and adverse events, corrections with a reason, and every version with its ledger
 * commitment.
 */
@Named
@ViewScoped
public class SubjectBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SiteQueries queries;
  @Inject private SubjectRecords records;
  @Inject private TrialFinder trials;
  @Inject private CurrentActor actor;
  @Inject private SignatureCheck signatures;
  @Inject private Signing signer;
  @Inject private SigningSessions signing;

  private String pseudonym;
  private String registryId;
  private Long consentFormId;
  private String consentEvent = "CONSENTED";
  // Dates start empty: a date nobody entered must not be saved as today (issue 17).
  private String occurredAt;
  private String consentReason;
  private String signUsername, signPassword;
  private String visit, value, unit, resultReason, valueType = "NUMBER";
  private Integer outcomeIndex;
  private LocalDate observedOn;
  private String aeId, aeTerm, aeSeverity, aeOutcome, aeRelatedness, aeReason;
  private Boolean aeSerious = Boolean.FALSE;
  private LocalDate aeOnset, aeEnd;
  private String dispositionStatus, dispositionReason, dispositionDetail, dispositionChange;
  private LocalDate dispositionDate;
  private String historyOf;

  /** The adverse event form's one-time token; a new one for each new event (see adverseEvent). */
  private String aeToken = UUID.randomUUID().toString();

  /**
   * A stored version as the page shows it; signed consents with their manifestation (21 CFR 11.50).
   */
  public record Row(
      String kind,
      String key,
      int version,
      String summary,
      String reason,
      String recordedAt,
      String recordedBy,
      String commitment,
      String leafHash,
      String manifestation,
      Boolean signatureValid) {}

  public void load() {
    try {
      Subject s = queries.visibleSubject(actor.caller(), pseudonym);
      registryId = trials.trialById(s.getTrialId()).getRegistryId();
    } catch (NotFoundException e) {
      ViewErrors.send(404, e.getMessage());
    }
  }

  public List<Row> getRows() {
    if (registryId == null) return List.of();
    Subject s = queries.visibleSubject(actor.caller(), pseudonym);
    List<Row> rows = new ArrayList<>();
    for (SiteRecord r : queries.records(s)) {
      if (r.getRecordJson() == null) {
        rows.add(
            new Row(
                r.getKind().name(),
                r.getRecordKey(),
                r.getVersion(),
                "erased on request",
                null,
                ReadableTime.utc(r.getRecordedAt()),
                r.getRecordedBy(),
                r.getCommitment(),
                r.getLeafHash(),
                null,
                null));
        continue;
      }
      Object json = JsonParser.parse(r.getRecordJson());
      switch (r.getKind()) {
        case CONSENT -> {
          ConsentRecord c = ConsentRecord.fromJson(json);
          Manifestation m = c.signature();
          rows.add(
              new Row(
                  "Consent",
                  "form " + c.consentFormVersionId(),
                  r.getVersion(),
                  (c.event() == ConsentRecord.Event.CONSENTED
                          ? "Consent given"
                          : "Consent withdrawn")
                      + " at "
                      + ReadableTime.utc(c.occurredAt()),
                  null,
                  ReadableTime.utc(r.getRecordedAt()),
                  r.getRecordedBy(),
                  r.getCommitment(),
                  r.getLeafHash(),
                  "Signed by "
                      + m.printedName()
                      + " ("
                      + m.signer()
                      + ") at "
                      + ReadableTime.utc(m.signedAt())
                      + " — "
                      + m.meaning().text(),
                  signatures.holds(r)));
        }
        case RESULT -> {
          ResultRecord x = ResultRecord.fromJson(json);
          rows.add(
              new Row(
                  "Result",
                  x.visit() + " · " + x.outcomeMeasure(),
                  x.version(),
                  x.value()
                      + (x.unit() == null ? "" : " " + x.unit())
                      + " (observed "
                      + x.observedOn()
                      + ")",
                  x.reasonForChange(),
                  ReadableTime.utc(r.getRecordedAt()),
                  r.getRecordedBy(),
                  r.getCommitment(),
                  r.getLeafHash(),
                  null,
                  null));
        }
        case DISPOSITION -> {
          DispositionRecord d = DispositionRecord.fromJson(json);
          rows.add(
              new Row(
                  "End of participation",
                  "disposition",
                  d.version(),
                  dispositionText(d),
                  d.reasonForChange(),
                  ReadableTime.utc(r.getRecordedAt()),
                  r.getRecordedBy(),
                  r.getCommitment(),
                  r.getLeafHash(),
                  null,
                  null));
        }
        default -> {
          AdverseEventRecord a = AdverseEventRecord.fromJson(json);
          rows.add(
              new Row(
                  "Adverse event",
                  a.eventId() + " · " + a.term(),
                  a.version(),
                  (Boolean.TRUE.equals(a.serious()) ? "Serious, " : "")
                      + SiteFieldLabels.choice(a.severity())
                      + ", onset "
                      + a.onsetDate()
                      + (a.endDate() == null ? ", ongoing" : ", ended " + a.endDate())
                      + ", "
                      + SiteFieldLabels.choice(a.outcome())
                      + ", "
                      + SiteFieldLabels.choice(a.relatedness()).toLowerCase(java.util.Locale.ROOT),
                  a.reasonForChange(),
                  ReadableTime.utc(r.getRecordedAt()),
                  r.getRecordedBy(),
                  r.getCommitment(),
                  r.getLeafHash(),
                  null,
                  null));
        }
      }
    }
    return rows;
  }

  public List<ConsentForm> getForms() {
    return registryId == null ? List.of() : queries.consentForms(trial());
  }

  public List<OutcomeMeasure> getMeasures() {
    return registryId == null
        ? List.of()
        : trials
            .publishedVersion(trial())
            .map(v -> OutcomeMeasure.registered(trials.recordOf(v)))
            .orElse(List.of());
  }

  public boolean isNeedsUsername() {
    return signing.of(actor.name()).needsBothComponents();
  }

  public void consent() {
    Caller caller = actor.caller();
    Instant at = UtcDateTime.parse(occurredAt);
    if (at == null) {
      FacesActions.error(
          occurredAt == null || occurredAt.isBlank()
              ? "When (UTC): give the date and time of the consent (the Now button fills it in)"
              : "When (UTC): write it as 2026-11-24 09:30 or 2026-11-24T09:30:00Z (UTC)");
      return;
    }
    ConsentRecord.Event event = ConsentRecord.Event.valueOf(consentEvent);
    Manifestation m;
    try {
      m =
          signer.sign(
              signing.of(caller.username()),
              caller,
              signUsername,
              signPassword,
              null,
              event == ConsentRecord.Event.WITHDRAWN
                  ? SignatureMeaning.RESPONSIBILITY
                  : SignatureMeaning.CONSENT_OBTAINED);
    } catch (SignatureSession.SigningRefusedException e) {
      FacesActions.error("Signature: " + e.getMessage());
      return;
    } finally {
      signPassword = null;
    }
    long form = consentFormId == null ? -1 : consentFormId;
    if (run(
        () ->
            records.consent(
                caller, new RecordConsent(pseudonym, form, event, at, m, consentReason)),
        event == ConsentRecord.Event.CONSENTED
            ? "Consent recorded and signed"
            : "Withdrawal recorded and signed")) {
      consentReason = null;
    }
  }

  public void result() {
    int index = outcomeIndex == null ? -1 : outcomeIndex;
    if (run(
        () ->
            records.result(
                actor.caller(),
                new RecordResult(
                    pseudonym,
                    visit,
                    observedOn,
                    index,
                    ResultRecord.ValueType.valueOf(valueType),
                    value,
                    unit,
                    resultReason)),
        "Result saved")) {
      value = null;
      resultReason = null;
    }
  }

  public void adverseEvent() {
    SiteRecord saved =
        attempt(
            () ->
                records.adverseEvent(
                    actor.caller(),
                    new ReportAdverseEvent(
                        pseudonym,
                        aeId,
                        aeTerm,
                        aeSerious,
                        choice(AdverseEventRecord.Severity.class, aeSeverity),
                        aeOnset,
                        aeEnd,
                        choice(AdverseEventRecord.Outcome.class, aeOutcome),
                        choice(AdverseEventRecord.Relatedness.class, aeRelatedness),
                        aeReason,
                        aeToken)));
    if (saved != null) {
      // The form now shows the saved event: clicking again saves nothing new.
      aeId = saved.getRecordKey();
      aeReason = null;
      FacesActions.info("Adverse event " + aeId + " saved");
    }
  }

  /** The subject's adverse events for the form's list, each with its latest term. */
  public List<AdverseEventChoice> getAdverseEvents() {
    if (registryId == null) return List.of();
    Subject s = queries.visibleSubject(actor.caller(), pseudonym);
    Map<String, AdverseEventChoice> latest = new LinkedHashMap<>();
    for (SiteRecord r : queries.records(s)) {
      if (r.getKind() != SiteRecord.Kind.ADVERSE_EVENT || r.getRecordJson() == null) continue;
      AdverseEventRecord a = AdverseEventRecord.fromJson(JsonParser.parse(r.getRecordJson()));
      latest.put(
          a.eventId(),
          new AdverseEventChoice(
              a.eventId(), a.eventId() + " · " + a.term() + " (onset " + a.onsetDate() + ")"));
    }
    return List.copyOf(latest.values());
  }

  /**
   * One adverse event as a repeating record of the subject: its latest version, how many versions
   * there are, and the reason of the last correction.
   */
  public record AdverseEventItem(
      String id,
      String term,
      boolean serious,
      String severity,
      String onset,
      String end,
      String outcome,
      int versions,
      String lastReason)
      implements Serializable {}

  /** The subject's adverse events, one row each (latest version), in the order first reported. */
  public List<AdverseEventItem> getAdverseEventList() {
    if (registryId == null) return List.of();
    Subject s = queries.visibleSubject(actor.caller(), pseudonym);
    Map<String, AdverseEventItem> latest = new LinkedHashMap<>();
    for (SiteRecord r : queries.records(s)) {
      if (r.getKind() != SiteRecord.Kind.ADVERSE_EVENT || r.getRecordJson() == null) continue;
      AdverseEventRecord a = AdverseEventRecord.fromJson(JsonParser.parse(r.getRecordJson()));
      AdverseEventItem before = latest.get(a.eventId());
      latest.put(
          a.eventId(),
          new AdverseEventItem(
              a.eventId(),
              a.term(),
              Boolean.TRUE.equals(a.serious()),
              a.severity() == null ? "" : SiteFieldLabels.choice(a.severity().name()),
              String.valueOf(a.onsetDate()),
              a.endDate() == null ? "ongoing" : a.endDate().toString(),
              a.outcome() == null ? "" : SiteFieldLabels.choice(a.outcome().name()),
              before == null ? 1 : before.versions() + 1,
              a.reasonForChange()));
    }
    return List.copyOf(latest.values());
  }

  /** Opens an event of the list in the form, to correct it in place. */
  public void editAdverseEvent(String id) {
    aeId = id;
    pickAdverseEvent();
  }

  /** Empties the form for a new adverse event. */
  public void newAdverseEvent() {
    aeId = null;
    pickAdverseEvent();
  }

  /** Shows or hides the versions of one event under its row. */
  public void toggleHistory(String id) {
    historyOf = id.equals(historyOf) ? null : id;
  }

  public String getHistoryOf() {
    return historyOf;
  }

  /** The versions of the event whose history is open, oldest first. */
  public List<Row> getAdverseEventHistory() {
    if (historyOf == null) return List.of();
    String prefix = historyOf + " · ";
    return getRows().stream()
        .filter(r -> "Adverse event".equals(r.kind()) && r.key().startsWith(prefix))
        .toList();
  }

  /** Whether the form holds a stored event (a correction, which needs a reason). */
  public boolean isCorrectingAdverseEvent() {
    return aeId != null && !aeId.isBlank();
  }

  /** An adverse event in the form's list. */
  public record AdverseEventChoice(String id, String label) implements Serializable {}

  /**
   * The user picked an event in the list: the form shows its latest version to correct, or is
   * emptied for a new event (with a new token).
   */
  public void pickAdverseEvent() {
    aeReason = null;
    if (aeId == null || aeId.isBlank()) {
      aeId = null;
      aeTerm = null;
      aeSerious = Boolean.FALSE;
      aeSeverity = null;
      aeOnset = null;
      aeEnd = null;
      aeOutcome = null;
      aeRelatedness = null;
      aeToken = UUID.randomUUID().toString();
      return;
    }
    Subject s = queries.visibleSubject(actor.caller(), pseudonym);
    queries
        .latest(s, SiteRecord.Kind.ADVERSE_EVENT, aeId)
        .filter(r -> r.getRecordJson() != null)
        .map(r -> AdverseEventRecord.fromJson(JsonParser.parse(r.getRecordJson())))
        .ifPresent(
            a -> {
              aeTerm = a.term();
              aeSerious = a.serious();
              aeSeverity = a.severity() == null ? null : a.severity().name();
              aeOnset = a.onsetDate();
              aeEnd = a.endDate();
              aeOutcome = a.outcome() == null ? null : a.outcome().name();
              aeRelatedness = a.relatedness() == null ? null : a.relatedness().name();
            });
  }

  private static String dispositionText(DispositionRecord d) {
    return (d.status() == DispositionRecord.Status.COMPLETED
            ? "Completed the study"
            : "Discontinued: " + (d.reason() == null ? "" : d.reason().label()))
        + (d.detail() == null ? "" : " — " + d.detail())
        + " on "
        + d.date();
  }

  /** The subject's end of participation as recorded (latest version), or null. */
  public String getDisposition() {
    if (registryId == null) return null;
    Subject s = queries.visibleSubject(actor.caller(), pseudonym);
    return queries
        .latest(s, SiteRecord.Kind.DISPOSITION, "disposition")
        .filter(r -> r.getRecordJson() != null)
        .map(
            r ->
                dispositionText(DispositionRecord.fromJson(JsonParser.parse(r.getRecordJson())))
                    + " (version "
                    + r.getVersion()
                    + ")")
        .orElse(null);
  }

  public List<DispositionRecord.Reason> getDispositionReasons() {
    return List.of(DispositionRecord.Reason.values());
  }

  /** Completion or discontinuation; the service checks role, organisation and the record. */
  public void disposition() {
    if (run(
        () ->
            records.disposition(
                actor.caller(),
                new RecordDisposition(
                    pseudonym,
                    choice(DispositionRecord.Status.class, dispositionStatus),
                    choice(DispositionRecord.Reason.class, dispositionReason),
                    dispositionDetail,
                    dispositionDate,
                    dispositionChange)),
        "End of participation recorded")) {
      dispositionChange = null;
    }
  }

  public String getDispositionStatus() {
    return dispositionStatus;
  }

  public void setDispositionStatus(String v) {
    dispositionStatus = v;
  }

  public String getDispositionReason() {
    return dispositionReason;
  }

  public void setDispositionReason(String v) {
    dispositionReason = v;
  }

  public String getDispositionDetail() {
    return dispositionDetail;
  }

  public void setDispositionDetail(String v) {
    dispositionDetail = v;
  }

  public LocalDate getDispositionDate() {
    return dispositionDate;
  }

  public void setDispositionDate(LocalDate v) {
    dispositionDate = v;
  }

  public String getDispositionChange() {
    return dispositionChange;
  }

  public void setDispositionChange(String v) {
    dispositionChange = v;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String v) {
    return v == null || v.isBlank() ? null : Enum.valueOf(type, v);
  }

  private boolean run(Supplier<?> action, String done) {
    try {
      return FacesActions.attempt(action, done) != null;
    } catch (InvalidRecordException e) {
      for (FieldError f : e.errors())
        FacesActions.error(SiteFieldLabels.of(f.field()) + ": " + f.message());
      return false;
    }
  }

  private <T> T attempt(Supplier<T> action) {
    try {
      return FacesActions.attempt(action, null);
    } catch (InvalidRecordException e) {
      for (FieldError f : e.errors())
        FacesActions.error(SiteFieldLabels.of(f.field()) + ": " + f.message());
      return null;
    }
  }

  /**
   * The subject's trial, through the subject the caller may see: checked on every request, not only
   * the first.
   */
  private Trial trial() {
    return trials.trialById(queries.visibleSubject(actor.caller(), pseudonym).getTrialId());
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public void setPseudonym(String v) {
    pseudonym = v;
  }

  public String getRegistryId() {
    return registryId;
  }

  public Long getConsentFormId() {
    return consentFormId;
  }

  public void setConsentFormId(Long v) {
    consentFormId = v;
  }

  public String getConsentEvent() {
    return consentEvent;
  }

  public void setConsentEvent(String v) {
    consentEvent = v;
  }

  public String getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(String v) {
    occurredAt = v;
  }

  public String getConsentReason() {
    return consentReason;
  }

  public void setConsentReason(String v) {
    consentReason = v;
  }

  public String getAeToken() {
    return aeToken;
  }

  public String getSignUsername() {
    return signUsername;
  }

  public void setSignUsername(String v) {
    signUsername = v;
  }

  public String getSignPassword() {
    return signPassword;
  }

  public void setSignPassword(String v) {
    signPassword = v;
  }

  public String getVisit() {
    return visit;
  }

  public void setVisit(String v) {
    visit = v;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String v) {
    value = v;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String v) {
    unit = v;
  }

  public String getResultReason() {
    return resultReason;
  }

  public void setResultReason(String v) {
    resultReason = v;
  }

  public String getValueType() {
    return valueType;
  }

  public void setValueType(String v) {
    valueType = v;
  }

  public Integer getOutcomeIndex() {
    return outcomeIndex;
  }

  public void setOutcomeIndex(Integer v) {
    outcomeIndex = v;
  }

  public LocalDate getObservedOn() {
    return observedOn;
  }

  public void setObservedOn(LocalDate v) {
    observedOn = v;
  }

  public String getAeId() {
    return aeId;
  }

  public void setAeId(String v) {
    aeId = v;
  }

  public String getAeTerm() {
    return aeTerm;
  }

  public void setAeTerm(String v) {
    aeTerm = v;
  }

  public String getAeSeverity() {
    return aeSeverity;
  }

  public void setAeSeverity(String v) {
    aeSeverity = v;
  }

  public String getAeOutcome() {
    return aeOutcome;
  }

  public void setAeOutcome(String v) {
    aeOutcome = v;
  }

  public String getAeRelatedness() {
    return aeRelatedness;
  }

  public void setAeRelatedness(String v) {
    aeRelatedness = v;
  }

  public String getAeReason() {
    return aeReason;
  }

  public void setAeReason(String v) {
    aeReason = v;
  }

  public Boolean getAeSerious() {
    return aeSerious;
  }

  public void setAeSerious(Boolean v) {
    aeSerious = v;
  }

  public LocalDate getAeOnset() {
    return aeOnset;
  }

  public void setAeOnset(LocalDate v) {
    aeOnset = v;
  }

  public LocalDate getAeEnd() {
    return aeEnd;
  }

  public void setAeEnd(LocalDate v) {
    aeEnd = v;
  }
}
