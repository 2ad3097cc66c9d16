package org.trialledger.anchoring.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Bitcoin block header the server validated (V18), by height. */
@Entity
@Table(name = "bitcoin_header")
public class BitcoinHeader {
  @Id private long height;

  @Column(name = "block_hash", nullable = false, length = 64)
  private String blockHash;

  @Column(name = "header_bytes", nullable = false)
  private byte[] headerBytes;

  @Column(name = "confirmed_by", nullable = false, length = 1000)
  private String confirmedBy;

  @Column(name = "validated_at", nullable = false)
  private Instant validatedAt;

  protected BitcoinHeader() {}

  public BitcoinHeader(
      long height, String blockHash, byte[] headerBytes, String confirmedBy, Instant validatedAt) {
    this.height = height;
    this.blockHash = blockHash;
    this.headerBytes = headerBytes.clone();
    this.confirmedBy =
        confirmedBy.length() <= 1000 ? confirmedBy : confirmedBy.substring(0, 999) + "…";
    this.validatedAt = validatedAt;
  }

  public long getHeight() {
    return height;
  }

  public String getBlockHash() {
    return blockHash;
  }

  public byte[] getHeaderBytes() {
    return headerBytes.clone();
  }

  public String getConfirmedBy() {
    return confirmedBy;
  }

  public Instant getValidatedAt() {
    return validatedAt;
  }
}
