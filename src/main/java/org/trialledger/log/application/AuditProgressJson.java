package org.trialledger.log.application;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.log.domain.Discrepancy;

/**
 * A full audit's progress as stored in {@code background_job.detail}: plain JSON written and read
 * field by field (never Java serialization: whoever can write the database must not be able to make
 * the server run code).
 */
final class AuditProgressJson {
  private AuditProgressJson() {}

  static String write(AuditProgress.Snapshot s) {
    JsonArrayBuilder found = Json.createArrayBuilder();
    for (Discrepancy d : s.discrepancies()) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("kind", d.kind().name());
      put(o, "where", d.where());
      put(o, "field", d.field());
      put(o, "expected", d.expected());
      put(o, "found", d.found());
      found.add(o);
    }
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("id", s.id())
            .add("state", s.state().name())
            .add("startedAt", s.startedAt().toString())
            .add("done", s.done())
            .add("total", s.total())
            .add("discrepancyCount", s.discrepancyCount())
            .add("discrepancies", found)
            .add("erasedByRequest", s.erasedByRequest());
    put(o, "phase", s.phase());
    put(o, "startedBy", s.startedBy());
    put(o, "finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
    put(o, "error", s.error());
    return o.build().toString();
  }

  static AuditProgress.Snapshot read(String json) {
    JsonObject o;
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      o = r.readObject();
    }
    List<Discrepancy> found = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("discrepancies")) {
      JsonObject d = v.asJsonObject();
      found.add(
          new Discrepancy(
              Discrepancy.Kind.valueOf(d.getString("kind")),
              text(d, "where"),
              text(d, "field"),
              text(d, "expected"),
              text(d, "found")));
    }
    String finished = text(o, "finishedAt");
    return new AuditProgress.Snapshot(
        o.getString("id"),
        AuditProgress.State.valueOf(o.getString("state")),
        text(o, "phase"),
        text(o, "startedBy"),
        Instant.parse(o.getString("startedAt")),
        finished == null ? null : Instant.parse(finished),
        number(o, "done"),
        number(o, "total"),
        0,
        0,
        null,
        number(o, "discrepancyCount"),
        List.copyOf(found),
        number(o, "erasedByRequest"),
        text(o, "error"));
  }

  private static void put(JsonObjectBuilder o, String name, String value) {
    if (value != null) o.add(name, value);
  }

  private static String text(JsonObject o, String name) {
    return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
  }

  private static long number(JsonObject o, String name) {
    return ((JsonNumber) o.get(name)).longValue();
  }
}
