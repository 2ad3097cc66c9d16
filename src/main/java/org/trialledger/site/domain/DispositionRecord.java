package org.trialledger.site.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;

/**
 * One version of a subject's end of participation, as the site records it: completed the study, or
 * discontinued with a reason from a controlled list (ClinicalTrials.gov's reasons for not
 * completing) and free text. One per subject; a change is the next version with a reason. Results
 * reporting counts them for the participant flow.
 */
public record DispositionRecord(
    String trialId,
    String siteId,
    Pseudonym subject,
    Status status,
    Reason reason,
    String detail,
    LocalDate date,
    int version,
    String reasonForChange,
    String enteredBy,
    Instant enteredAt)
    implements LedgerRecord {

  public static final String SCHEMA = "trialledger.disposition/1";

  public enum Status {
    COMPLETED,
    DISCONTINUED
  }

  /** Reasons for not completing, each with the words ClinicalTrials.gov's participant flow uses. */
  public enum Reason {
    ADVERSE_EVENT("Adverse Event"),
    DEATH("Death"),
    LACK_OF_EFFICACY("Lack of Efficacy"),
    LOST_TO_FOLLOW_UP("Lost to Follow-up"),
    PHYSICIAN_DECISION("Physician Decision"),
    PREGNANCY("Pregnancy"),
    PROTOCOL_VIOLATION("Protocol Violation"),
    WITHDRAWAL_BY_SUBJECT("Withdrawal by Subject"),
    SPONSOR_DECISION("Sponsor Decision"),
    OTHER("Other");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public DispositionRecord {
    if (enteredAt != null) enteredAt = enteredAt.truncatedTo(ChronoUnit.SECONDS);
    if (detail != null) detail = detail.isBlank() ? null : detail.strip();
  }

  /** The next version, for a change; the caller passes the new facts and why. */
  public DispositionRecord change(
      Status status,
      Reason reason,
      String detail,
      LocalDate date,
      String reasonForChange,
      String enteredBy,
      Instant enteredAt) {
    return new DispositionRecord(
        trialId,
        siteId,
        subject,
        status,
        reason,
        detail,
        date,
        version + 1,
        reasonForChange,
        enteredBy,
        enteredAt);
  }

  /** Whether two versions state the same facts (a second click is not a change). */
  public boolean sameFacts(DispositionRecord o) {
    return status == o.status
        && reason == o.reason
        && java.util.Objects.equals(detail, o.detail)
        && java.util.Objects.equals(date, o.date);
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    Json.put(json, "trialId", trialId);
    Json.put(json, "siteId", siteId);
    Json.put(json, "subject", subject);
    Json.put(json, "status", status);
    Json.put(json, "reason", reason);
    Json.put(json, "detail", detail);
    Json.put(json, "date", date);
    Json.put(json, "version", version);
    Json.put(json, "reasonForChange", reasonForChange);
    Json.put(json, "enteredBy", enteredBy);
    Json.put(json, "enteredAt", enteredAt);
    return json;
  }

  public static DispositionRecord fromJson(Object json) {
    Json.Reader r = Json.reader(json, "");
    r.requireSchema(SCHEMA);
    Integer version = r.integer("version");
    if (version == null) throw Json.wrong("version", "a whole number");
    DispositionRecord record =
        new DispositionRecord(
            r.text("trialId"),
            r.text("siteId"),
            r.pseudonym("subject"),
            r.enumValue("status", Status.class),
            r.enumValue("reason", Reason.class),
            r.text("detail"),
            r.date("date"),
            version,
            r.text("reasonForChange"),
            r.text("enteredBy"),
            r.instant("enteredAt"));
    r.done();
    return record;
  }

  public List<FieldError> validate(Clock clock) {
    List<FieldError> errors = new ArrayList<>();
    Checks.trialId(errors, "trialId", trialId);
    Checks.siteId(errors, "siteId", siteId);
    Checks.required(errors, "subject", subject);
    if (status == null)
      errors.add(
          new FieldError(
              "status", "Required: say whether the subject completed the study or discontinued"));
    if (status == Status.DISCONTINUED && reason == null)
      errors.add(new FieldError("reason", "Give the reason the subject discontinued"));
    if (status == Status.COMPLETED && reason != null)
      errors.add(new FieldError("reason", "A subject who completed has no reason to discontinue"));
    if (reason == Reason.OTHER && detail == null)
      errors.add(new FieldError("detail", "Describe the other reason"));
    Checks.text(errors, "detail", detail, 500, false);
    Checks.notFuture(errors, "date", date, LocalDate.now(clock), true);
    Checks.version(errors, version, reasonForChange);
    Checks.username(errors, "enteredBy", enteredBy);
    Checks.notFuture(errors, "enteredAt", enteredAt, clock.instant());
    return errors;
  }

  public DispositionRecord requireValid(Clock clock) {
    List<FieldError> errors = validate(clock);
    if (!errors.isEmpty()) throw new InvalidRecordException(errors);
    return this;
  }
}
