package org.trialledger.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trialledger.ledger.json.CanonicalJson;

/**
 * The content hash of an audit record: SHA-256 of its RFC 8785 canonical JSON (schema
 * {@value #SCHEMA}; absent values are omitted; the time is ISO-8601 UTC with milliseconds).
 */
final class AuditRecordHash {
  static final String SCHEMA = "trialledger.audit/1";

  private AuditRecordHash() {}

  static Map<String, Object> canonicalForm(AuditRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("occurredAt", r.occurredAt().toString());
    m.put("actor", r.actor());
    putIfPresent(m, "actorOrganisationId", r.actorOrganisationId());
    m.put("action", r.action());
    m.put("objectType", r.objectType());
    m.put("objectId", r.objectId());
    putIfPresent(m, "oldValue", r.oldValue());
    putIfPresent(m, "newValue", r.newValue());
    putIfPresent(m, "reason", r.reason());
    return m;
  }

  static String of(AuditRecord r) {
    return CanonicalJson.hash(canonicalForm(r)).hex();
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) m.put(key, value);
  }
}
