package org.trialledger.registry.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.platform.web.Uploads;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.TrialImports;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;

/** A sponsor's list of its organisation's trials, and the start of a new registration. */
@Named
@ViewScoped
public class SponsorTrialsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialFinder finder;
  @Inject private TrialRegistry registry;
  @Inject private CurrentActor actor;

  @Inject private TrialImports imports;

  private String newTitle;
  private String importedId;
  private List<String> importUnmapped = List.of();
  private List<String> importWarnings = List.of();
  private List<Row> rows;

  /** A trial with the title of its draft and where it stands. */
  public record Row(
      String registryId, String title, String status, String stage, Integer publishedVersion)
      implements Serializable {}

  public List<Row> getRows() {
    if (rows == null) {
      Caller caller = actor.caller();
      rows = new ArrayList<>();
      for (Trial t : finder.ownTrials(caller)) {
        String stage =
            finder
                .underReview(t)
                .map(v -> "Version " + v.getVersionNumber() + " under review")
                .orElse(lastDecision(t));
        rows.add(
            new Row(
                t.getRegistryId(),
                finder.draft(caller, t).publicTitle(),
                t.getStatus().name(),
                stage,
                t.getPublishedVersion()));
      }
    }
    return rows;
  }

  private String lastDecision(Trial t) {
    List<TrialVersion> versions = finder.visibleVersions(actor.caller(), t);
    if (versions.isEmpty()) return "Draft, not yet submitted";
    TrialVersion last = versions.get(versions.size() - 1);
    return switch (last.getState()) {
      case RETURNED -> "Version " + last.getVersionNumber() + " returned with comments";
      case PUBLISHED -> "Version " + last.getVersionNumber() + " published";
      default -> "Version " + last.getVersionNumber() + " under review";
    };
  }

  public String create() {
    RegistrationRecord draft = RegistrationRecord.empty();
    String title = newTitle == null ? null : newTitle.strip();
    if (title != null && !title.isEmpty()) {
      draft = withPublicTitle(draft, title);
    }
    final RegistrationRecord record = draft;
    Trial trial =
        RegistryActions.attempt(
            () -> registry.createDraft(actor.caller(), record), "Registered as a draft");
    return trial == null ? null : "/sponsor/edit?faces-redirect=true&id=" + trial.getRegistryId();
  }

  /**
   * Imports an uploaded ClinicalTrials.gov record as a new draft and shows what could not be
   * mapped.
   */
  public void importCtGov(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    if (file.getSize() > 5_000_000) {
      FacesActions.error("A ClinicalTrials.gov record larger than 5 MB is not accepted");
      return;
    }
    Optional<byte[]> read = Uploads.bytes(file);
    if (read.isEmpty()) return;
    String json = new String(read.get(), StandardCharsets.UTF_8);
    TrialImports.Imported imported =
        RegistryActions.attempt(() -> imports.importCtGov(actor.caller(), json), null);
    if (imported != null) {
      importedId = imported.trial().getRegistryId();
      importUnmapped = imported.result().unmapped();
      importWarnings = imported.result().warnings();
      FacesActions.info(
          "Imported as draft "
              + importedId
              + ": check it, complete what the registry needs and submit it");
      rows = null;
    }
  }

  static RegistrationRecord withPublicTitle(RegistrationRecord r, String title) {
    DraftForm form = DraftForm.of(r);
    form.getTitles().setPublicTitle(title);
    return form.toRecord();
  }

  public String getImportedId() {
    return importedId;
  }

  public List<String> getImportUnmapped() {
    return importUnmapped;
  }

  public List<String> getImportWarnings() {
    return importWarnings;
  }

  public String getNewTitle() {
    return newTitle;
  }

  public void setNewTitle(String v) {
    newTitle = v;
  }
}
