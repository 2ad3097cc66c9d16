package org.trialledger.results.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.RecordCodec;

/**
 * What a submitted results version commits to: the results record, the trial, the version number,
 * the published protocol version the results report on, and when. Its RFC 8785 text is stored
 * verbatim and its SHA-256 is the version's {@code RESULTS_VERSION} ledger entry.
 */
public record ResultsEnvelope(
    String registryId,
    int version,
    int protocolVersion,
    Instant submittedAt,
    ResultsRecord record) {
  public static final String SCHEMA = "trialledger.results-version/1";

  public String canonicalJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put("registryId", registryId);
    json.put("version", version);
    json.put("protocolVersion", protocolVersion);
    json.put("submittedAt", submittedAt.toString());
    json.put("record", RecordCodec.encode(record));
    return CanonicalJson.write(json);
  }

  @SuppressWarnings("unchecked")
  public static ResultsEnvelope parse(String canonicalJson) {
    Map<String, Object> json = (Map<String, Object>) JsonParser.parse(canonicalJson);
    if (!SCHEMA.equals(json.get("schema")))
      throw new IllegalArgumentException("Not a results version: " + json.get("schema"));
    return new ResultsEnvelope(
        (String) json.get("registryId"),
        ((Number) json.get("version")).intValue(),
        ((Number) json.get("protocolVersion")).intValue(),
        Instant.parse((String) json.get("submittedAt")),
        RecordCodec.decode(json.get("record"), ResultsRecord.class));
  }
}
