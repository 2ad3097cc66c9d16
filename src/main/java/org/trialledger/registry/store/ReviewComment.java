package org.trialledger.registry.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.trialledger.registry.domain.CommentSeverity;

/** A regulator's comment on a submitted version. */
@Entity
@Table(name = "review_comment")
public class ReviewComment implements Serializable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "version_id", nullable = false, updatable = false)
  private long versionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private CommentSeverity severity;

  @Column(nullable = false, length = 4000, updatable = false)
  private String body;

  @Column(nullable = false, length = 64, updatable = false)
  private String author;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected ReviewComment() {}

  public ReviewComment(
      long versionId, CommentSeverity severity, String body, String author, Instant createdAt) {
    this.versionId = versionId;
    this.severity = severity;
    this.body = body;
    this.author = author;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public long getVersionId() {
    return versionId;
  }

  public CommentSeverity getSeverity() {
    return severity;
  }

  public String getBody() {
    return body;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
