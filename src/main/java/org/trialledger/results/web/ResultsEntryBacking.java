package org.trialledger.results.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.results.application.EntryForm;
import org.trialledger.results.application.EntryMapper;
import org.trialledger.results.application.FieldPaths;
import org.trialledger.results.application.ResultsDrafts;
import org.trialledger.results.application.ResultsVersionView;
import org.trialledger.results.application.TrialResults;
import org.trialledger.results.domain.ResultsFinding;
import org.trialledger.results.domain.ResultsPrefill;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsSection;
import org.trialledger.security.application.CurrentActor;

/**
 * The sponsor's results entry page: the form as typed, saved section by section as a draft, checked
 * as PRS checks it (findings at their fields), submitted as a results version.
 */
@Named
@ViewScoped
public class ResultsEntryBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ResultsDrafts drafts;
  @Inject private TrialResults results;
  @Inject private CurrentActor actor;

  private String id;
  private EntryForm form;
  private List<String> arms = List.of();
  private String savedNote;
  private final List<ResultsFinding> findings = new ArrayList<>();
  private final Map<String, ResultsFinding> byPath = new HashMap<>();

  public void load() {
    if (form != null) return;
    try {
      ResultsDrafts.Context context = drafts.context(actor.caller(), id);
      arms = context.arms();
      var draft = drafts.draft(actor.caller(), id);
      form =
          EntryMapper.toForm(
              draft
                  .map(ResultsDrafts.Draft::record)
                  .orElseGet(() -> ResultsPrefill.of(context.registered(), null)));
      draft.ifPresent(d -> savedNote = "Draft saved " + d.savedAt() + " by " + d.savedBy());
      EntryMapper.toRecord(form); // gives every field its record path
    } catch (NotFoundException | AccessDeniedException e) {
      // another organisation's trial: as if it did not exist, like the other sponsor pages
      ViewErrors.send(404, "No trial " + id + " of yours");
    } catch (RuleViolationException e) {
      FacesActions.error(e.getMessage());
    }
  }

  /** Replaces the form with a first record from the registration and the sites' data. */
  public void prefill() {
    ResultsRecord r = FacesActions.attempt(() -> drafts.prefill(actor.caller(), id), null);
    if (r == null) return;
    form = EntryMapper.toForm(r);
    show(EntryMapper.toRecord(form).refused());
    FacesActions.info(
        "Pre-filled from the registration and the sites' data: check every value, then save");
  }

  public void save(String sectionName) {
    ResultsSection section = ResultsSection.valueOf(sectionName);
    EntryMapper.Mapped m = EntryMapper.toRecord(form);
    ResultsDrafts.Draft d =
        attempt(() -> drafts.saveSection(actor.caller(), id, section, m.record()), null);
    if (d == null) return;
    savedNote = "Draft saved " + d.savedAt() + " by " + d.savedBy();
    List<ResultsFinding> refusedHere =
        m.refused().stream().filter(f -> ResultsSection.of(f.field()) == section).toList();
    if (refusedHere.isEmpty()) FacesActions.info(section.title() + " saved");
    else
      FacesActions.warn(
          section.title()
              + " saved without "
              + refusedHere.size()
              + " value(s) it cannot hold: they stay in their fields until you correct them");
    check(m);
  }

  /** Validation of the whole form, without saving. */
  public void check() {
    EntryMapper.Mapped m = EntryMapper.toRecord(form);
    check(m);
    if (findings.isEmpty()) FacesActions.info("No errors or warnings");
  }

  private void check(EntryMapper.Mapped m) {
    List<ResultsFinding> all = new ArrayList<>(m.refused());
    List<ResultsFinding> checked =
        FacesActions.attempt(() -> results.check(actor.caller(), id, m.record()), null);
    if (checked != null) all.addAll(checked);
    show(all);
  }

  public void submit() {
    EntryMapper.Mapped m = EntryMapper.toRecord(form);
    if (!m.refused().isEmpty()) {
      show(m.refused());
      FacesActions.error("Correct the values marked below before submitting");
      return;
    }
    if (attempt(() -> drafts.saveAll(actor.caller(), id, m.record()), null) == null) return;
    ResultsVersionView v = attempt(() -> results.submit(actor.caller(), id, m.record()), null);
    if (v == null) return;
    findings.clear();
    byPath.clear();
    check(m);
    FacesActions.info("Results version " + v.version() + " submitted for review");
  }

  private <T> T attempt(java.util.function.Supplier<T> action, String done) {
    try {
      return FacesActions.attempt(action, done);
    } catch (InvalidRecordException e) {
      List<ResultsFinding> fs =
          e.errors().stream().map(f -> ResultsFinding.error(f.field(), f.message())).toList();
      show(fs);
      FacesActions.error("Not submitted: " + fs.size() + " error(s), marked at their fields");
      return null;
    }
  }

  private void show(List<ResultsFinding> fs) {
    findings.clear();
    byPath.clear();
    findings.addAll(fs);
    for (ResultsFinding f : fs)
      byPath.merge(f.field(), f, (a, b) -> a.severity() == ResultsFinding.Severity.ERROR ? a : b);
  }

  // --- page helpers

  public List<ResultsFinding> findingsOf(String section) {
    ResultsSection s = ResultsSection.valueOf(section);
    return findings.stream().filter(f -> ResultsSection.of(f.field()) == s).toList();
  }

  public String where(ResultsFinding f) {
    return FieldPaths.human(f.field());
  }

  public String cellMsg(String path) {
    ResultsFinding f = path == null ? null : byPath.get(path);
    return f == null ? "" : f.message();
  }

  public String cellCls(String path) {
    ResultsFinding f = path == null ? null : byPath.get(path);
    if (f == null) return "";
    return f.severity() == ResultsFinding.Severity.ERROR ? "tl-cell-error" : "tl-cell-warning";
  }

  public String fieldMsg(EntryForm.Part part, String key) {
    return part == null || part.getPath() == null ? "" : cellMsg(part.getPath() + "." + key);
  }

  public String fieldCls(EntryForm.Part part, String key) {
    return part == null || part.getPath() == null ? "" : cellCls(part.getPath() + "." + key);
  }

  public List<SelectItem> getArmChoices() {
    List<SelectItem> out = new ArrayList<>();
    out.add(new SelectItem(null, "— no arm (e.g. Total)"));
    arms.forEach(a -> out.add(new SelectItem(a, a)));
    return out;
  }

  public EntryForm getForm() {
    return form;
  }

  public String getSavedNote() {
    return savedNote;
  }

  public int getErrorCount() {
    return (int)
        findings.stream().filter(f -> f.severity() == ResultsFinding.Severity.ERROR).count();
  }

  public int getWarningCount() {
    return findings.size() - getErrorCount();
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }
}
