package org.trialledger.registry.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.ReviewComment;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;

/**
 * A regulator's review of one submitted version: the record, what changed, documents, comments,
 * decision.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialFinder finder;
  @Inject private TrialRegistry registry;
  @Inject private CurrentActor actor;

  private String id;
  private Integer version;
  private TrialVersion shown;
  private List<RegisteredItems.Item> items = List.of();
  private List<RecordDiff.Row> changes = List.of();
  private Integer comparedWith;
  private List<ReviewComment> comments = List.of();
  private List<TrialDocument> documents = List.of();
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
    Caller caller = actor.caller();
    Trial trial = finder.visibleTrial(caller, id);
    shown = finder.visibleVersion(caller, trial, version);
    RegistrationRecord record = finder.recordOf(shown);
    items = RegisteredItems.of(record);
    var published =
        finder
            .publishedVersion(trial)
            .filter(p -> p.getVersionNumber() != shown.getVersionNumber());
    comparedWith = published.map(TrialVersion::getVersionNumber).orElse(null);
    changes =
        published
            .map(
                p ->
                    RecordDiff.compare(finder.recordOf(p), record).stream()
                        .filter(RecordDiff.Row::isChanged)
                        .toList())
            .orElse(List.of());
    comments = finder.comments(shown);
    documents = finder.visibleDocuments(caller, trial);
  }

  public void addComment() {
    CommentSeverity s = severity == null ? null : CommentSeverity.valueOf(severity);
    if (RegistryActions.run(
        () -> registry.comment(actor.caller(), id, version, s, body), "Comment added")) {
      body = null;
      refresh();
    }
  }

  public void publish() {
    if (RegistryActions.run(
        () -> registry.publish(actor.caller(), id, version), "Version " + version + " published"))
      refresh();
  }

  public void returnToSponsor() {
    if (RegistryActions.run(
        () -> registry.returnToSponsor(actor.caller(), id, version),
        "Version " + version + " returned to the sponsor")) refresh();
  }

  public boolean isUnderReview() {
    return shown != null && shown.getState() == VersionState.SUBMITTED;
  }

  public long getMajorCount() {
    return comments.stream().filter(c -> c.getSeverity() == CommentSeverity.MAJOR).count();
  }

  public List<TrialVersion> getQueue() {
    return finder.awaitingReview();
  }

  public String registryIdOf(TrialVersion v) {
    return finder.trialById(v.getTrialId()).getRegistryId();
  }

  public String titleOf(TrialVersion v) {
    return finder.recordOf(v).publicTitle();
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

  public TrialVersion getShown() {
    return shown;
  }

  public List<RegisteredItems.Item> getItems() {
    return items;
  }

  public List<RecordDiff.Row> getChanges() {
    return changes;
  }

  public Integer getComparedWith() {
    return comparedWith;
  }

  public List<ReviewComment> getComments() {
    return comments;
  }

  public List<TrialDocument> getDocuments() {
    return documents;
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
