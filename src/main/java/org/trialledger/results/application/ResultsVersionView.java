package org.trialledger.results.application;

import java.time.Instant;
import java.util.List;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.results.store.ResultsComment;
import org.trialledger.results.store.ResultsVersion;

/** A results version as pages and resources show it, with the comments the caller may see. */
public record ResultsVersionView(
    int version,
    VersionState state,
    Instant submittedAt,
    String submittedBy,
    Instant decidedAt,
    String decidedBy,
    String contentHash,
    String leafHash,
    String canonicalJson,
    List<Comment> comments)
    implements java.io.Serializable {

  public record Comment(CommentSeverity severity, String body, String author, Instant createdAt)
      implements java.io.Serializable {
    static Comment of(ResultsComment c) {
      return new Comment(c.getSeverity(), c.getBody(), c.getAuthor(), c.getCreatedAt());
    }
  }

  static ResultsVersionView of(ResultsVersion v, List<ResultsComment> comments) {
    return new ResultsVersionView(
        v.getVersionNumber(),
        v.getState(),
        v.getSubmittedAt(),
        v.getSubmittedBy(),
        v.getDecidedAt(),
        v.getDecidedBy(),
        v.getContentHash(),
        v.getLeafHash(),
        v.getCanonicalJson(),
        comments.stream().map(Comment::of).toList());
  }
}
