package org.trialledger.site.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.Hash;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;

/**
 * One consent event of a subject: consent given against an exact consent-form version (its id and
 * the SHA-256 of the document the subject read), or consent withdrawn. Withdrawal is a new event,
 * never an edit. {@code signature} is the manifestation of the staff member's electronic signature,
 * part of the record as 21 CFR 11.50(b) asks. Times are UTC, whole seconds.
 */
public record ConsentRecord(
    String trialId,
    String siteId,
    Pseudonym subject,
    String consentFormVersionId,
    Hash consentFormSha256,
    Event event,
    Instant occurredAt,
    String obtainedBy,
    Manifestation signature)
    implements LedgerRecord {

  public static final String SCHEMA = "trialledger.consent/1";

  public enum Event {
    CONSENTED,
    WITHDRAWN
  }

  public ConsentRecord {
    if (occurredAt != null) occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
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
    Json.put(json, "consentFormVersionId", consentFormVersionId);
    Json.put(json, "consentFormSha256", consentFormSha256);
    Json.put(json, "event", event);
    Json.put(json, "occurredAt", occurredAt);
    Json.put(json, "obtainedBy", obtainedBy);
    Json.put(json, "signature", signature);
    return json;
  }

  /** The record from its JSON (e.g. as stored); strict about types and unknown members. */
  public static ConsentRecord fromJson(Object json) {
    Json.Reader r = Json.reader(json, "");
    r.requireSchema(SCHEMA);
    ConsentRecord record =
        new ConsentRecord(
            r.text("trialId"),
            r.text("siteId"),
            r.pseudonym("subject"),
            r.text("consentFormVersionId"),
            r.hash("consentFormSha256"),
            r.enumValue("event", Event.class),
            r.instant("occurredAt"),
            r.text("obtainedBy"),
            r.manifestation("signature"));
    r.done();
    return record;
  }

  public List<FieldError> validate(Clock clock) {
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    Checks.trialId(errors, "trialId", trialId);
    Checks.siteId(errors, "siteId", siteId);
    Checks.required(errors, "subject", subject);
    Checks.text(errors, "consentFormVersionId", consentFormVersionId, 100, true);
    Checks.required(errors, "consentFormSha256", consentFormSha256);
    if (event == null)
      errors.add(new FieldError("event", "Say whether consent was given or withdrawn"));
    Checks.notFuture(errors, "occurredAt", occurredAt, now);
    Checks.username(errors, "obtainedBy", obtainedBy);
    if (signature == null) {
      errors.add(
          new FieldError("signature", "A consent record is signed by the person who obtained it"));
    } else {
      errors.addAll(signature.validate("signature", now));
      if (obtainedBy != null && !obtainedBy.equals(signature.signer())) {
        errors.add(
            new FieldError(
                "signature.signer", "Only the person who obtained the consent can sign it"));
      }
      if (occurredAt != null
          && signature.signedAt() != null
          && signature.signedAt().isBefore(occurredAt)) {
        errors.add(new FieldError("signature.signedAt", "Cannot sign before the consent event"));
      }
    }
    return errors;
  }

  public ConsentRecord requireValid(Clock clock) {
    List<FieldError> errors = validate(clock);
    if (!errors.isEmpty()) throw new InvalidRecordException(errors);
    return this;
  }
}
