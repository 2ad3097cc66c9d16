package org.trialledger.registry.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.platform.web.Uploads;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialDocuments;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.domain.DocumentKind;
import org.trialledger.registry.domain.DraftSalvage;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.FieldLabels;
import org.trialledger.registry.domain.RegistrationValidator;
import org.trialledger.registry.domain.TrialStatus;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.ReviewComment;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;

/**
 * The sponsor's registration form: edit and save the draft, attach PDFs, see what publication still
 * needs, and submit the next version with a reason.
 */
@Named
@ViewScoped
public class DraftEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialFinder finder;
  @Inject private TrialRegistry registry;
  @Inject private TrialDocuments documents;
  @Inject private CurrentActor actor;

  private String id;
  private DraftForm form;
  private String reason;
  private String documentKind = DocumentKind.PROTOCOL.name();
  private boolean editable;
  private String lockedReason;
  private boolean withdrawable;
  private String withdrawReason;
  private boolean withdrawPreview;
  private List<TrialDocument> documentList = List.of();
  private List<ReviewComment> returnedComments = List.of();
  private List<TrialVersion> versions = List.of();

  /** The values the last save refused, with the reasons; shown at their fields until saved. */
  private List<FieldError> refused = List.of();

  private List<FieldInputs.Marked> marked = List.of();

  private static final String MARKED = DraftEditBacking.class.getName() + ".marked";

  /** Text kept from an earlier save, put back into the inputs when the page is first drawn. */
  private Map<String, String> keptInput;

  /** What the inputs held at the last save or on opening (by record path): refused text shown. */
  private Map<String, String> typedInput = Map.of();

  public void load() {
    if (form != null) return; // a postback of this view keeps the user's edits
    Caller caller = actor.caller();
    try {
      Trial trial = finder.visibleTrial(caller, id);
      if (!TrialAccess.ownsAsSponsor(caller, trial))
        throw new NotFoundException("No draft " + id + " of your organisation");
      form = DraftForm.of(finder.draft(caller, trial));
      keptInput = registry.unsavedInput(caller, trial);
      refresh(caller, trial);
    } catch (NotFoundException e) {
      ViewErrors.send(404, e.getMessage());
    }
  }

  private void refresh(Caller caller, Trial trial) {
    id = trial.getRegistryId();
    documentList = finder.visibleDocuments(caller, trial);
    versions = finder.visibleVersions(caller, trial);
    var review = finder.underReview(trial);
    editable = review.isEmpty() && trial.getStatus() != TrialStatus.WITHDRAWN;
    withdrawable = trial.getStatus() == TrialStatus.PUBLISHED;
    lockedReason =
        review
            .map(
                v ->
                    "Version "
                        + v.getVersionNumber()
                        + " is under review: the draft can change again once it is decided.")
            .orElse(editable ? null : "The trial was withdrawn.");
    returnedComments = new ArrayList<>();
    if (!versions.isEmpty()) {
      TrialVersion last = versions.get(versions.size() - 1);
      if (last.getState() == VersionState.RETURNED) returnedComments = finder.comments(last);
    }
  }

  private void reload() {
    Caller caller = actor.caller();
    refresh(caller, finder.visibleTrial(caller, id));
  }

  public void save() {
    if (saveWhatIsValid()) {
      if (refused.isEmpty()) FacesActions.info("Draft saved");
      else
        FacesActions.warn(
            "Draft saved except "
                + refused.size()
                + (refused.size() == 1 ? " value" : " values")
                + ": "
                + "correct the fields marked below (what you typed is kept)");
    }
  }

  /**
   * Saves what is valid and keeps the rest as typed; false when the service refused the save as a
   * whole (not editable, not the caller's).
   */
  private boolean saveWhatIsValid() {
    DraftForm.Reading reading = form.read();
    Map<String, String> typed = FieldInputs.texts(formComponent());
    List<FieldError> result =
        RegistryActions.attempt(
            () ->
                registry.saveDraftForm(
                    actor.caller(), id, reading.record(), reading.unreadable(), typed),
            null);
    if (result == null) return false;
    refused = result;
    typedInput = typed;
    return true;
  }

  /**
   * Before the page is drawn: puts back text kept from an earlier save (once, on opening) and marks
   * every refused value at its field.
   */
  public void markFields() {
    if (form == null) return;
    FacesContext faces = FacesContext.getCurrentInstance();
    // once a request: from preRenderView, or from the summary's getter when the event is missed
    if (faces.getAttributes().putIfAbsent(MARKED, Boolean.TRUE) != null) return;
    UIComponent root = formComponent();
    if (root == null) return;
    if (keptInput != null) {
      Map<String, String> kept = keptInput;
      keptInput = null;
      if (!kept.isEmpty()) {
        typedInput = kept;
        FieldInputs.restore(root, kept);
        DraftForm.Reading reading = form.read();
        refused =
            DraftSalvage.salvage(
                    reading.record(),
                    reading.unreadable(),
                    finder.draft(actor.caller(), finder.visibleTrial(actor.caller(), id)))
                .refused();
      }
    }
    marked = FieldInputs.mark(root, refused, typedInput);
  }

  private static UIComponent formComponent() {
    return FacesContext.getCurrentInstance().getViewRoot().findComponent("draft");
  }

  /**
   * The refused values in form order, each linking to its field. The summary is drawn above the
   * fields, so marking them here, at the latest, still reaches every input.
   */
  public List<FieldInputs.Marked> getMarked() {
    if (FacesContext.getCurrentInstance().getCurrentPhaseId() == PhaseId.RENDER_RESPONSE)
      markFields();
    return marked;
  }

  /** What publication still needs, so the sponsor sees it before submitting. */
  public List<FieldError> getMissing() {
    DraftForm.Reading reading = form.read();
    List<FieldError> out = new ArrayList<>(reading.unreadable());
    out.addAll(RegistrationValidator.checkPublishable(reading.record()));
    return out;
  }

  public String label(String field) {
    return FieldLabels.of(field);
  }

  public void submit() {
    Caller caller = actor.caller();
    if (!saveWhatIsValid()) return;
    if (!refused.isEmpty()) {
      FacesActions.error(
          "Not submitted: the draft was saved except the fields marked below; correct them first");
      return;
    }
    TrialVersion v = RegistryActions.attempt(() -> registry.submit(caller, id, reason), null);
    if (v != null) {
      FacesActions.info(
          "Version "
              + v.getVersionNumber()
              + " submitted for review; its hash is queued for the ledger (leaf "
              + v.getLeafHash().substring(0, 12)
              + "…)");
      reason = null;
      reload();
    }
  }

  /**
   * Withdraws the published trial (after the page's confirmation): the public page then says so,
   * with the reason; every version stays public.
   */
  public void withdraw() {
    Trial t =
        RegistryActions.attempt(
            () -> registry.withdraw(actor.caller(), id, withdrawReason),
            "Trial " + id + " withdrawn; the public page shows it with your reason");
    withdrawPreview = false;
    if (t != null) {
      withdrawReason = null;
      reload();
    }
  }

  /** Shows what withdrawing will publish, before anything happens; a reason is needed first. */
  public void previewWithdrawal() {
    if (withdrawReason == null || withdrawReason.isBlank()) {
      FacesActions.error(
          "Reason for withdrawing: say why the trial is withdrawn (the reason is published)");
      return;
    }
    withdrawPreview = true;
  }

  public void cancelWithdrawal() {
    withdrawPreview = false;
  }

  public boolean isWithdrawPreview() {
    return withdrawPreview;
  }

  /** Today in UTC, the date a withdrawal now would carry. */
  public String getToday() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  public boolean isWithdrawable() {
    return withdrawable;
  }

  public String getWithdrawReason() {
    return withdrawReason;
  }

  public void setWithdrawReason(String v) {
    withdrawReason = v;
  }

  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    byte[] bytes;
    if (file.getSize() > documents.maxBytes()) {
      FacesActions.error(
          "File: the file is larger than the limit of "
              + documents.maxBytes() / (1024 * 1024)
              + " MB");
      return;
    }
    Optional<byte[]> read = Uploads.bytes(file);
    if (read.isEmpty()) return;
    bytes = read.get();
    DocumentKind kind = documentKind == null ? null : DocumentKind.valueOf(documentKind);
    TrialDocument d =
        RegistryActions.attempt(
            () -> documents.upload(actor.caller(), id, kind, file.getFileName(), bytes), null);
    if (d != null) {
      FacesActions.info(d.getFileName() + " attached (SHA-256 " + d.getSha256() + ")");
      reload();
    }
  }

  public void remove(long documentId) {
    if (RegistryActions.run(
        () -> documents.remove(actor.caller(), id, documentId),
        "Document removed from the next version")) reload();
  }

  public long getMaxBytes() {
    return documents.maxBytes();
  }

  public DraftForm getForm() {
    return form;
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    reason = v;
  }

  public String getDocumentKind() {
    return documentKind;
  }

  public void setDocumentKind(String v) {
    documentKind = v;
  }

  public boolean isEditable() {
    return editable;
  }

  public String getLockedReason() {
    return lockedReason;
  }

  public List<TrialDocument> getDocumentList() {
    return documentList;
  }

  public List<ReviewComment> getReturnedComments() {
    return returnedComments;
  }

  public List<TrialVersion> getVersions() {
    return versions;
  }
}
