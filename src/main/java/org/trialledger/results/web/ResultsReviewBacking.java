package org.trialledger.results.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.results.application.ResultsTables;
import org.trialledger.results.application.ResultsVersionView;
import org.trialledger.results.application.TrialResults;
import org.trialledger.results.domain.ResultsEnvelope;
import org.trialledger.security.application.CurrentActor;

/** A regulator's review of one results version: its tables, comments and the decision. */
@Named
@ViewScoped
public class ResultsReviewBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialResults results;
  @Inject private CurrentActor actor;

  private String id;
  private Integer version;
  private ResultsVersionView shown;
  private List<ResultsTables.Module> modules = List.of();
  private String severity = CommentSeverity.ADVISORY.name();
  private String body;

  public void load() {
    if (shown != null) return;
    try {
      refresh();
    } catch (NotFoundException e) {
      ViewErrors.send(404, e.getMessage());
    }
  }

  private void refresh() {
    shown = results.visibleVersion(actor.caller(), id, version == null ? 0 : version);
    modules = ResultsTables.of(ResultsEnvelope.parse(shown.canonicalJson()).record(), "review");
  }

  public void addComment() {
    CommentSeverity s = severity == null ? null : CommentSeverity.valueOf(severity);
    if (run(() -> results.comment(actor.caller(), id, version, s, body), "Comment added")) {
      body = null;
      refresh();
    }
  }

  public void publish() {
    if (run(
        () -> results.publish(actor.caller(), id, version),
        "Results version " + version + " published")) refresh();
  }

  public void returnToSponsor() {
    if (run(
        () -> results.returnToSponsor(actor.caller(), id, version),
        "Results version " + version + " returned to the sponsor")) refresh();
  }

  private static boolean run(Runnable action, String done) {
    try {
      return FacesActions.run(action, done);
    } catch (InvalidRecordException e) {
      e.errors().forEach(f -> FacesActions.error(f.field() + ": " + f.message()));
      return false;
    }
  }

  public List<TrialResults.Pending> getQueue() {
    return results.awaitingReview(actor.caller());
  }

  public boolean isUnderReview() {
    return shown != null && shown.state() == VersionState.SUBMITTED;
  }

  public long getMajorCount() {
    return shown == null
        ? 0
        : shown.comments().stream().filter(c -> c.severity() == CommentSeverity.MAJOR).count();
  }

  public ResultsVersionView getShown() {
    return shown;
  }

  public List<ResultsTables.Module> getModules() {
    return modules;
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer v) {
    version = v;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String v) {
    severity = v;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String v) {
    body = v;
  }
}
