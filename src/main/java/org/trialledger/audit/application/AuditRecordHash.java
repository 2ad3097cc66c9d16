package org.trialledger.audit.application;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.ledger.json.Commitment;

/**
 * The commitment to an audit record: SHA-256(salt ‖ RFC 8785 canonical JSON) with a random 32-byte
 * salt (schema {@value #SCHEMA}; absent values are omitted; the time is ISO-8601 UTC with
 * milliseconds). Salted because records name people: a plain hash of a few guessable fields could
 * be confirmed by guessing.
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

  static Commitment commit(AuditRecord r) {
    return Commitment.commit(canonicalForm(r), RANDOM.get());
  }

  /** The commitment recomputed from a stored record and its salt. */
  static String of(String saltBase64, AuditRecord r) {
    return Commitment.of(Base64.getDecoder().decode(saltBase64), canonicalForm(r)).hex();
  }

  /**
   * One generator per thread: the platform's default ({@code NativePRNG}) serialises every caller
   * on one process-wide lock, and under 16 writers the salts queued on it. Each thread's DRBG (SP
   * 800-90A, seeded from the system's entropy) needs no lock shared with another thread.
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(AuditRecordHash::newGenerator);

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) m.put(key, value);
  }
}
