package org.trialledger.results.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.trialledger.registry.domain.CommentSeverity;

/** A regulator's comment on a results version under review. */
@Entity
@Table(name = "results_comment")
public class ResultsComment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "results_version_id", nullable = false, updatable = false)
  private long resultsVersionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private CommentSeverity severity;

  @Column(nullable = false, length = 4000, updatable = false)
  private String body;

  @Column(nullable = false, length = 64, updatable = false)
  private String author;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected ResultsComment() {}

  public ResultsComment(
      long resultsVersionId,
      CommentSeverity severity,
      String body,
      String author,
      Instant createdAt) {
    this.resultsVersionId = resultsVersionId;
    this.severity = severity;
    this.body = body;
    this.author = author;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public long getResultsVersionId() {
    return resultsVersionId;
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
