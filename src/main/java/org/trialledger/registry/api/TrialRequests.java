package org.trialledger.registry.api;

import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;

/**
 * The JSON bodies the registry API accepts, each read in one place through {@link JsonBody}. The
 * services check what the values mean (a reason is required from version 2 on, a comment needs a
 * severity).
 */
final class TrialRequests {
  private TrialRequests() {}

  /** A registration record, in the JSON the versions are hashed in; drafts may be incomplete. */
  static RegistrationRecord registration(String body) {
    return RecordCodec.decode(
        JsonBody.parse(body, "a registration record").members(), RegistrationRecord.class);
  }

  /** {@code {"reason": "…"}}; the body may be empty. */
  record SubmitRequest(String reason) {
    static SubmitRequest read(String body) {
      return new SubmitRequest(JsonBody.parseOptional(body).text("reason"));
    }
  }

  /** {@code {"reason": "…"}}; the body may be empty (and the service then asks for the reason). */
  record WithdrawRequest(String reason) {
    static WithdrawRequest read(String body) {
      return new WithdrawRequest(JsonBody.parseOptional(body).text("reason"));
    }
  }

  /** {@code {"severity": "MAJOR"|"ADVISORY", "body": "…"}}. */
  record CommentRequest(CommentSeverity severity, String body) {
    static CommentRequest read(String json) {
      JsonBody b = JsonBody.parseOptional(json);
      return new CommentRequest(
          b.choice("severity", CommentSeverity.class, "Use MAJOR or ADVISORY"), b.text("body"));
    }
  }
}
