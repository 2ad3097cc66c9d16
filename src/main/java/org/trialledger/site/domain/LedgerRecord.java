package org.trialledger.site.domain;

import java.security.SecureRandom;
import java.util.Map;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.Commitment;

/**
 * A pseudonymous site record that enters the ledger. Its JSON (with a {@code schema} member) is
 * what is hashed and signed; it enters the log only as a salted {@link Commitment}, because
 * pseudonymous data are still personal data and an unsalted hash of a short record could be found
 * by guessing.
 */
public interface LedgerRecord {
  String schema();

  /**
   * The JSON value for {@link CanonicalJson}: strings, integers, booleans, nested maps; unset
   * members left out.
   */
  Map<String, Object> toJson();

  /** SHA-256 of the canonical JSON: what an electronic signature covers. Never published. */
  default Hash contentHash() {
    return CanonicalJson.hash(toJson());
  }

  /**
   * A fresh salted commitment (32-byte salt, stored beside the record; deleting it shreds the
   * link).
   */
  default Commitment commit(SecureRandom random) {
    return Commitment.commit(toJson(), random);
  }
}
