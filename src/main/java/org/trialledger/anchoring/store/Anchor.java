package org.trialledger.anchoring.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One checkpoint's timestamp proof and what is known about it. */
@Entity
@Table(name = "anchor")
public class Anchor {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tree_size", nullable = false, updatable = false)
  private long treeSize;

  @Column(name = "note_sha256", nullable = false, length = 64, updatable = false)
  private String noteSha256;

  @Column(name = "stamped_at", nullable = false, updatable = false)
  private Instant stampedAt;

  @Column(name = "ots_proof", nullable = false)
  private byte[] otsProof;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AnchorStatus status;

  @Column(name = "bitcoin_height")
  private Long bitcoinHeight;

  @Column(name = "bitcoin_block_hash", length = 64)
  private String bitcoinBlockHash;

  @Column(name = "bitcoin_time")
  private Instant bitcoinTime;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "upgrade_attempts", nullable = false)
  private int upgradeAttempts;

  @Column(name = "last_upgrade_at")
  private Instant lastUpgradeAt;

  @Column(name = "next_upgrade_at")
  private Instant nextUpgradeAt;

  /** The header sources that agreed on the confirming block (V14). */
  @Column(name = "header_sources", length = 1000)
  private String headerSources;

  @Column(name = "tsa_token")
  private byte[] tsaToken;

  @Column(name = "tsa_time")
  private Instant tsaTime;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Anchor() {}

  public Anchor(
      long treeSize, String noteSha256, Instant stampedAt, byte[] otsProof, Instant nextUpgradeAt) {
    this.treeSize = treeSize;
    this.noteSha256 = noteSha256;
    this.stampedAt = stampedAt;
    this.otsProof = otsProof.clone();
    this.status = AnchorStatus.PENDING;
    this.nextUpgradeAt = nextUpgradeAt;
  }

  /** After asking the calendars: the (possibly upgraded) proof and when to ask again. */
  public void upgraded(byte[] proof, Instant now, Instant next) {
    this.otsProof = proof.clone();
    this.upgradeAttempts++;
    this.lastUpgradeAt = now;
    this.nextUpgradeAt = next;
  }

  public void verified(
      AnchorStatus status, Long height, String blockHash, Instant blockTime, Instant now) {
    this.status = status;
    this.bitcoinHeight = height;
    this.bitcoinBlockHash = blockHash;
    this.bitcoinTime = blockTime;
    if (status == AnchorStatus.CONFIRMED && confirmedAt == null) confirmedAt = now;
    if (status == AnchorStatus.CONFIRMED) nextUpgradeAt = null;
  }

  /** Which header sources agreed on the block that confirmed this anchor (null: none yet). */
  public void confirmedBy(String sources) {
    this.headerSources =
        sources == null || sources.length() <= 1000 ? sources : sources.substring(0, 999) + "…";
  }

  public String getHeaderSources() {
    return headerSources;
  }

  public void timestampedByTsa(byte[] token, Instant time) {
    this.tsaToken = token.clone();
    this.tsaTime = time;
  }

  public Long getId() {
    return id;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public String getNoteSha256() {
    return noteSha256;
  }

  public Instant getStampedAt() {
    return stampedAt;
  }

  public byte[] getOtsProof() {
    return otsProof.clone();
  }

  public AnchorStatus getStatus() {
    return status;
  }

  public Long getBitcoinHeight() {
    return bitcoinHeight;
  }

  public String getBitcoinBlockHash() {
    return bitcoinBlockHash;
  }

  public Instant getBitcoinTime() {
    return bitcoinTime;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  public int getUpgradeAttempts() {
    return upgradeAttempts;
  }

  public Instant getLastUpgradeAt() {
    return lastUpgradeAt;
  }

  public Instant getNextUpgradeAt() {
    return nextUpgradeAt;
  }

  public byte[] getTsaToken() {
    return tsaToken == null ? null : tsaToken.clone();
  }

  public Instant getTsaTime() {
    return tsaTime;
  }
}
