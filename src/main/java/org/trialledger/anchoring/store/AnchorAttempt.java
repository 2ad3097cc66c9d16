package org.trialledger.anchoring.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stamping attempt, successful or not. */
@Entity
@Table(name = "anchor_attempt")
public class AnchorAttempt {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attempted_at", nullable = false, updatable = false)
  private Instant attemptedAt;

  @Column(name = "tree_size", nullable = false, updatable = false)
  private long treeSize;

  @Column(nullable = false, updatable = false)
  private boolean succeeded;

  @Column(nullable = false, length = 2000, updatable = false)
  private String message;

  protected AnchorAttempt() {}

  public AnchorAttempt(Instant attemptedAt, long treeSize, boolean succeeded, String message) {
    this.attemptedAt = attemptedAt;
    this.treeSize = treeSize;
    this.succeeded = succeeded;
    this.message = message.length() <= 2000 ? message : message.substring(0, 2000);
  }

  public Instant getAttemptedAt() {
    return attemptedAt;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public boolean isSucceeded() {
    return succeeded;
  }

  public String getMessage() {
    return message;
  }
}
