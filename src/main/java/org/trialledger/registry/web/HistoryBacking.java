package org.trialledger.registry.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.TextDiff;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;

/** Two versions side by side, differences highlighted; by default the last two visible versions. */
@Named
@ViewScoped
public class HistoryBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialFinder finder;
  @Inject private CurrentActor actor;

  private String id;
  private Integer from, to;
  private boolean onlyChanges = true;
  private List<TrialVersion> versions = List.of();
  private List<RecordDiff.Row> rows = List.of();
  private String title;

  public void load() {
    Caller caller = actor.caller();
    try {
      Trial trial = finder.visibleTrial(caller, id);
      versions = finder.visibleVersions(caller, trial);
      if (versions.isEmpty()) return;
      if (to == null) to = versions.get(versions.size() - 1).getVersionNumber();
      if (from == null)
        from = versions.size() > 1 ? versions.get(versions.size() - 2).getVersionNumber() : to;
      var left = finder.recordOf(finder.visibleVersion(caller, trial, from));
      var right = finder.recordOf(finder.visibleVersion(caller, trial, to));
      title = right.publicTitle();
      // coded items compared and shown as labels: "Phase 3" and PHASE3 are the same phase
      rows =
          RecordDiff.compare(CodedItems.normalise(left), CodedItems.normalise(right)).stream()
              .map(HistoryBacking::readable)
              .toList();
    } catch (NotFoundException e) {
      ViewErrors.send(404, e.getMessage());
    }
  }

  private static RecordDiff.Row readable(RecordDiff.Row r) {
    String left = r.left() == null ? null : RegisteredItems.readable(r.path(), r.left());
    String right = r.right() == null ? null : RegisteredItems.readable(r.path(), r.right());
    return new RecordDiff.Row(
        r.path(),
        r.label(),
        left,
        right,
        r.change(),
        r.change() == RecordDiff.Change.CHANGED ? TextDiff.words(left, right) : r.segments());
  }

  public List<RecordDiff.Row> getShownRows() {
    return onlyChanges ? rows.stream().filter(RecordDiff.Row::isChanged).toList() : rows;
  }

  public long getChangeCount() {
    return rows.stream().filter(RecordDiff.Row::isChanged).count();
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer v) {
    from = v;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer v) {
    to = v;
  }

  public boolean isOnlyChanges() {
    return onlyChanges;
  }

  public void setOnlyChanges(boolean v) {
    onlyChanges = v;
  }

  public List<TrialVersion> getVersions() {
    return versions;
  }

  public String getTitle() {
    return title;
  }
}
