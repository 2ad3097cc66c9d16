package org.trialledger.site.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.registry.domain.FieldError;

/**
 * The manifestation of an electronic signature (21 CFR 11.50): the signer's printed name, the date
 * and time of signing (UTC, whole seconds so it reads back identically from any database) and the
 * meaning. {@code signer} is the user name that authenticated the signing.
 */
public record Manifestation(
    String signer, String printedName, Instant signedAt, SignatureMeaning meaning) {
  public Manifestation {
    if (signedAt != null) signedAt = signedAt.truncatedTo(ChronoUnit.SECONDS);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    Json.put(json, "signer", signer);
    Json.put(json, "printedName", printedName);
    Json.put(json, "signedAt", signedAt);
    Json.put(json, "meaning", meaning);
    return json;
  }

  static Manifestation fromJson(Object value, String path) {
    Json.Reader r = Json.reader(value, path);
    return new Manifestation(
        r.text("signer"),
        r.text("printedName"),
        r.instant("signedAt"),
        r.enumValue("meaning", SignatureMeaning.class));
  }

  /** Problems with this manifestation, field names prefixed with {@code path}. */
  public List<FieldError> validate(String path, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    Checks.username(errors, path + ".signer", signer);
    Checks.text(errors, path + ".printedName", printedName, 200, true);
    Checks.notFuture(errors, path + ".signedAt", signedAt, now);
    if (meaning == null)
      errors.add(new FieldError(path + ".meaning", "Say what the signature means"));
    return errors;
  }
}
