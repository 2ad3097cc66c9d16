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
 * One version of an adverse event of a subject. {@code eventId} stays the same across versions (a
 * correction is the next version with a reason). Outcome terms follow CDISC SDTM AEOUT; relatedness
 * is the investigator's causality assessment. {@code endDate} is optional (ongoing events have
 * none).
 */
public record AdverseEventRecord(
    String trialId,
    String siteId,
    Pseudonym subject,
    String eventId,
    String term,
    Boolean serious,
    Severity severity,
    LocalDate onsetDate,
    LocalDate endDate,
    Outcome outcome,
    Relatedness relatedness,
    int version,
    String reasonForChange,
    String enteredBy,
    Instant enteredAt)
    implements LedgerRecord {

  public static final String SCHEMA = "trialledger.adverse-event/1";

  public enum Severity {
    MILD,
    MODERATE,
    SEVERE
  }

  public enum Outcome {
    RECOVERED_RESOLVED,
    RECOVERING_RESOLVING,
    NOT_RECOVERED_NOT_RESOLVED,
    RECOVERED_RESOLVED_WITH_SEQUELAE,
    FATAL,
    UNKNOWN
  }

  public enum Relatedness {
    NOT_RELATED,
    UNLIKELY_RELATED,
    POSSIBLY_RELATED,
    PROBABLY_RELATED,
    RELATED
  }

  public AdverseEventRecord {
    if (enteredAt != null) enteredAt = enteredAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The next version of this event, for a correction; the caller passes the corrected fields. */
  public AdverseEventRecord correct(
      String term,
      Boolean serious,
      Severity severity,
      LocalDate onsetDate,
      LocalDate endDate,
      Outcome outcome,
      Relatedness relatedness,
      String reasonForChange,
      String enteredBy,
      Instant enteredAt) {
    return new AdverseEventRecord(
        trialId,
        siteId,
        subject,
        eventId,
        term,
        serious,
        severity,
        onsetDate,
        endDate,
        outcome,
        relatedness,
        version + 1,
        reasonForChange,
        enteredBy,
        enteredAt);
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
    Json.put(json, "eventId", eventId);
    Json.put(json, "term", term);
    Json.put(json, "serious", serious);
    Json.put(json, "severity", severity);
    Json.put(json, "onsetDate", onsetDate);
    Json.put(json, "endDate", endDate);
    Json.put(json, "outcome", outcome);
    Json.put(json, "relatedness", relatedness);
    Json.put(json, "version", version);
    Json.put(json, "reasonForChange", reasonForChange);
    Json.put(json, "enteredBy", enteredBy);
    Json.put(json, "enteredAt", enteredAt);
    return json;
  }

  public static AdverseEventRecord fromJson(Object json) {
    Json.Reader r = Json.reader(json, "");
    r.requireSchema(SCHEMA);
    Integer version = r.integer("version");
    if (version == null) throw Json.wrong("version", "a whole number");
    AdverseEventRecord record =
        new AdverseEventRecord(
            r.text("trialId"),
            r.text("siteId"),
            r.pseudonym("subject"),
            r.text("eventId"),
            r.text("term"),
            r.bool("serious"),
            r.enumValue("severity", Severity.class),
            r.date("onsetDate"),
            r.date("endDate"),
            r.enumValue("outcome", Outcome.class),
            r.enumValue("relatedness", Relatedness.class),
            version,
            r.text("reasonForChange"),
            r.text("enteredBy"),
            r.instant("enteredAt"));
    r.done();
    return record;
  }

  public List<FieldError> validate(Clock clock) {
    LocalDate today = LocalDate.now(clock);
    List<FieldError> errors = new ArrayList<>();
    Checks.trialId(errors, "trialId", trialId);
    Checks.siteId(errors, "siteId", siteId);
    Checks.required(errors, "subject", subject);
    Checks.text(errors, "eventId", eventId, 64, true);
    Checks.text(errors, "term", term, 200, true);
    if (serious == null) errors.add(new FieldError("serious", "Say whether the event is serious"));
    if (severity == null)
      errors.add(new FieldError("severity", "Required: MILD, MODERATE or SEVERE"));
    Checks.notFuture(errors, "onsetDate", onsetDate, today, true);
    Checks.notFuture(errors, "endDate", endDate, today, false);
    if (onsetDate != null && endDate != null && endDate.isBefore(onsetDate)) {
      errors.add(new FieldError("endDate", "Cannot be before the onset"));
    }
    if (outcome == null) errors.add(new FieldError("outcome", "Required"));
    if (relatedness == null) errors.add(new FieldError("relatedness", "Required"));
    if (outcome == Outcome.FATAL && Boolean.FALSE.equals(serious)) {
      errors.add(new FieldError("serious", "An event with a fatal outcome is serious"));
    }
    Checks.version(errors, version, reasonForChange);
    Checks.username(errors, "enteredBy", enteredBy);
    Checks.notFuture(errors, "enteredAt", enteredAt, clock.instant());
    return errors;
  }

  public AdverseEventRecord requireValid(Clock clock) {
    List<FieldError> errors = validate(clock);
    if (!errors.isEmpty()) throw new InvalidRecordException(errors);
    return this;
  }
}
