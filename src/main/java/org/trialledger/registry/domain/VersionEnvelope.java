package org.trialledger.registry.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

/**
 * What a submitted version commits to: the registration record together with who registered it, the
 * reason for the change and the documents (by SHA-256) in force. Its RFC 8785 text is stored
 * verbatim and its SHA-256 is the version's ledger entry, so a reader can download the text and
 * recompute the leaf.
 */
public record VersionEnvelope(
    String registryId,
    int version,
    String sponsor,
    String reason,
    Instant submittedAt,
    RegistrationRecord record,
    List<DocumentRef> documents) {
  public static final String SCHEMA = "trialledger.protocol-version/1";

  public VersionEnvelope {
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** A document in force for this version. */
  public record DocumentRef(String kind, String fileName, String sha256, long size) {}

  public String canonicalJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put("registryId", registryId);
    json.put("version", version);
    json.put("sponsor", sponsor);
    json.put("reason", reason);
    json.put("submittedAt", submittedAt.toString());
    json.put("record", RecordCodec.encode(record));
    List<Object> docs = new ArrayList<>();
    for (DocumentRef d : documents) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("kind", d.kind());
      doc.put("fileName", d.fileName());
      doc.put("sha256", d.sha256());
      doc.put("size", d.size());
      docs.add(doc);
    }
    json.put("documents", docs);
    return CanonicalJson.write(json);
  }

  /** Reads a stored version back. */
  @SuppressWarnings("unchecked")
  public static VersionEnvelope parse(String canonicalJson) {
    Map<String, Object> json = (Map<String, Object>) JsonParser.parse(canonicalJson);
    if (!SCHEMA.equals(json.get("schema")))
      throw new IllegalArgumentException("Not a protocol version: " + json.get("schema"));
    List<DocumentRef> docs = new ArrayList<>();
    for (Object o : (List<Object>) json.get("documents")) {
      Map<String, Object> d = (Map<String, Object>) o;
      docs.add(
          new DocumentRef(
              (String) d.get("kind"),
              (String) d.get("fileName"),
              (String) d.get("sha256"),
              ((Number) d.get("size")).longValue()));
    }
    return new VersionEnvelope(
        (String) json.get("registryId"),
        ((Number) json.get("version")).intValue(),
        (String) json.get("sponsor"),
        (String) json.get("reason"),
        Instant.parse((String) json.get("submittedAt")),
        RecordCodec.decode(json.get("record"), RegistrationRecord.class),
        docs);
  }
}
