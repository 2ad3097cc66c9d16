package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A witness's cosignature line on one checkpoint, as the witness returned it (verified). */
@Entity
@Table(name = "witness_cosignature")
public class WitnessCosignature {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tree_size", nullable = false)
  private long treeSize;

  @Column(name = "witness_key", nullable = false, length = 300)
  private String witnessKey;

  @Column(name = "signature_line", nullable = false, length = 1000)
  private String signatureLine;

  @Column(name = "cosigned_at", nullable = false)
  private Instant cosignedAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected WitnessCosignature() {}

  public WitnessCosignature(
      long treeSize,
      String witnessKey,
      String signatureLine,
      Instant cosignedAt,
      Instant receivedAt) {
    this.treeSize = treeSize;
    this.witnessKey = witnessKey;
    this.signatureLine = signatureLine;
    this.cosignedAt = cosignedAt;
    this.receivedAt = receivedAt;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public String getWitnessKey() {
    return witnessKey;
  }

  public String getSignatureLine() {
    return signatureLine;
  }

  public Instant getCosignedAt() {
    return cosignedAt;
  }
}
