package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The log's public verifier key, as published. */
@Entity
@Table(name = "log_key")
public class LogKey {
  @Id
  @Column(name = "key_id", length = 8)
  private String keyId;

  @Column(nullable = false, length = 200)
  private String origin;

  @Column(nullable = false, length = 400)
  private String vkey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected LogKey() {}

  public LogKey(String keyId, String origin, String vkey, Instant createdAt) {
    this.keyId = keyId;
    this.origin = origin;
    this.vkey = vkey;
    this.createdAt = createdAt;
  }

  public String getKeyId() {
    return keyId;
  }

  public String getOrigin() {
    return origin;
  }

  public String getVkey() {
    return vkey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
