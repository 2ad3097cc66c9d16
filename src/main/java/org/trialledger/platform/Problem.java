package org.trialledger.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * An RFC 9457 problem detail: what REST callers get instead of a stack trace. {@code extensions}
 * carry machine-readable specifics such as per-field errors.
 */
public record Problem(int status, String title, String detail, Map<String, ?> extensions) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(int status, String title, String detail) {
    this(status, title, detail, Map.of());
  }

  public String toJson() {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status);
    if (detail != null) b.add("detail", detail);
    extensions.forEach((k, v) -> b.add(k, Json.createValue(String.valueOf(v))));
    return b.build().toString();
  }
}
