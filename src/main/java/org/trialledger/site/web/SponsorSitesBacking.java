package org.trialledger.site.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.primefaces.event.FileUploadEvent;
import org.trialledger.ledger.Hash;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.platform.web.Uploads;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.security.store.Organisation;
import org.trialledger.site.application.FileCredential;
import org.trialledger.site.application.PublishConsentForm;
import org.trialledger.site.application.SiteActivations;
import org.trialledger.site.application.SiteQueries;
import org.trialledger.site.application.SummaryPublication;
import org.trialledger.site.store.ConsentForm;
import org.trialledger.site.store.SiteActivation;
import org.trialledger.site.store.SiteCredential;

/**
 * The sponsor's sites page of a trial: activation, consent forms, subjects, an enrolment chart per
 * site, exports.
 */
@Named
@ViewScoped
public class SponsorSitesBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SiteQueries queries;
  @Inject private SiteActivations activations;
  @Inject private SummaryPublication summaries;
  @Inject private UserDirectory directory;
  @Inject private CurrentActor actor;

  private String id;
  private transient Trial checked;
  private transient FacesContext checkedIn;
  private Long siteId;
  private String principalInvestigator;
  private Long credentialSite;
  private String credentialKind = "CV";
  private String formLabel = "v1.0";
  private String formLanguage = "en";
  private byte[] stagedForm;
  private String stagedFormName, stagedFormSha;
  // computed figures, shown until published or cancelled; recomputed by the service on publishing
  private transient SummaryPublication.Preview summaryPreview;

  public void load() {
    try {
      trial();
    } catch (NotFoundException e) {
      ViewErrors.send(404, e.getMessage());
    }
  }

  /**
   * The trial, checked for this caller on every request (issue 14 item 3): the bean keeps only the
   * id, and the service decides, once per request, whether the caller may see the trial's site
   * data.
   */
  private Trial trial() {
    FacesContext request = FacesContext.getCurrentInstance();
    if (checked == null || checkedIn != request) {
      checked = queries.trialWithSiteData(actor.caller(), id);
      checkedIn = request;
    }
    return checked;
  }

  public List<Organisation> getSiteOrganisations() {
    return directory.organisations().stream()
        .filter(o -> o.getKind() == OrganisationKind.SITE)
        .toList();
  }

  public List<SiteActivation> getActivations() {
    return queries.activations(trial());
  }

  public String siteName(long organisationId) {
    return directory
        .findOrganisation(organisationId)
        .map(Organisation::getName)
        .orElse("site " + organisationId);
  }

  public List<ConsentForm> getForms() {
    return queries.consentForms(trial());
  }

  public List<SiteQueries.SubjectRow> getSubjects() {
    return queries.rows(actor.caller(), trial());
  }

  public void activate() {
    long site = siteId == null ? -1 : siteId;
    try {
      if (FacesActions.attempt(
              () -> activations.activate(actor.caller(), id, site, principalInvestigator),
              "Site activated")
          != null) {
        principalInvestigator = null;
      }
    } catch (InvalidRecordException e) {
      e.errors()
          .forEach(f -> FacesActions.error(SiteFieldLabels.of(f.field()) + ": " + f.message()));
    }
  }

  /**
   * Choosing a PDF only stages it: nothing is public until the sponsor has seen what will be
   * published (label, language, file, hash, protocol version) and confirmed (issue 17).
   */
  public void uploadForm(FileUploadEvent event) {
    Optional<byte[]> read = Uploads.bytes(event.getFile());
    if (read.isEmpty()) return;
    stagedForm = read.get();
    stagedFormName = event.getFile().getFileName();
    stagedFormSha = Hash.sha256(stagedForm).hex();
  }

  public void publishForm() {
    if (stagedForm == null) {
      FacesActions.error("Choose the consent form's PDF first");
      return;
    }
    byte[] bytes = stagedForm;
    try {
      if (FacesActions.attempt(
              () ->
                  activations.publishConsentForm(
                      actor.caller(),
                      new PublishConsentForm(id, formLabel, formLanguage, stagedFormName, bytes)),
              "Consent form " + formLabel + " (" + formLanguage + ") published")
          != null) discardForm();
    } catch (InvalidRecordException e) {
      e.errors()
          .forEach(f -> FacesActions.error(SiteFieldLabels.of(f.field()) + ": " + f.message()));
    }
  }

  public void discardForm() {
    stagedForm = null;
    stagedFormName = null;
    stagedFormSha = null;
  }

  public boolean isFormStaged() {
    return stagedForm != null;
  }

  public String getStagedFormName() {
    return stagedFormName;
  }

  public String getStagedFormSha() {
    return stagedFormSha;
  }

  public long getStagedFormBytes() {
    return stagedForm == null ? 0 : stagedForm.length;
  }

  /** The protocol version the staged form would belong to. */
  public Integer getProtocolVersion() {
    return trial().getPublishedVersion();
  }

  /** Whether a form with the staged label and language is already published (then refused). */
  public boolean isStagedDuplicate() {
    return formLabel != null
        && formLanguage != null
        && activations.alreadyPublished(trial(), formLabel, formLanguage);
  }

  /** Computes the summary results as publishing would, and shows them; nothing is stored. */
  public void previewSummary() {
    summaryPreview = FacesActions.attempt(() -> summaries.preview(actor.caller(), id), null);
  }

  public void publishSummary() {
    if (summaryPreview == null) {
      FacesActions.error("Preview the summary results first");
      return;
    }
    var v = FacesActions.attempt(() -> summaries.publish(actor.caller(), id), null);
    if (v != null) {
      summaryPreview = null;
      FacesActions.info(
          "Summary results version "
              + v.getVersionNumber()
              + " published (SHA-256 "
              + v.getContentHash()
              + ")");
    }
  }

  public void cancelSummary() {
    summaryPreview = null;
  }

  public SummaryPublication.Preview getSummaryPreview() {
    return summaryPreview;
  }

  public List<SiteCredential> credentials(SiteActivation activation) {
    return queries.credentials(activation);
  }

  public void uploadCredential(FileUploadEvent event) {
    Optional<byte[]> read = Uploads.bytes(event.getFile());
    if (read.isEmpty()) return;
    byte[] bytes = read.get();
    Long chosen = getCredentialSite();
    long site = chosen == null ? -1 : chosen;
    var kind = SiteCredential.Kind.valueOf(credentialKind);
    try {
      FacesActions.attempt(
          () ->
              activations.fileCredential(
                  actor.caller(),
                  new FileCredential(id, site, kind, event.getFile().getFileName(), bytes)),
          "Credential filed");
    } catch (InvalidRecordException e) {
      e.errors()
          .forEach(f -> FacesActions.error(SiteFieldLabels.of(f.field()) + ": " + f.message()));
    }
  }

  /** Chart.js: cumulative subjects enrolled per site over time. */
  public String getEnrolmentChartJson() {
    Map<Long, TreeMap<LocalDate, Integer>> bySite = queries.enrolmentBySite(trial());
    TreeSet<LocalDate> days = new TreeSet<>();
    bySite.values().forEach(m -> days.addAll(m.keySet()));
    JsonArrayBuilder labels = Json.createArrayBuilder();
    days.forEach(d -> labels.add(d.toString()));
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    String[] colours = {"#0b5394", "#f7931a", "#15803d", "#b91c1c", "#6d28d9"};
    int i = 0;
    for (Map.Entry<Long, TreeMap<LocalDate, Integer>> site : bySite.entrySet()) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (LocalDate d : days) {
        Map.Entry<LocalDate, Integer> upTo = site.getValue().floorEntry(d);
        data.add(upTo == null ? 0 : upTo.getValue());
      }
      String colour = colours[i++ % colours.length];
      datasets.add(
          Json.createObjectBuilder()
              .add("label", siteName(site.getKey()))
              .add("data", data)
              .add("borderColor", colour)
              .add("backgroundColor", colour)
              .add("stepped", true));
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("animation", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add(
                                    "title",
                                    Json.createObjectBuilder()
                                        .add("display", true)
                                        .add("text", "subjects enrolled")))))
        .build()
        .toString();
  }

  public boolean isOwner() {
    Caller c = actor.caller();
    return TrialAccess.ownsAsSponsor(c, trial());
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public Long getSiteId() {
    return siteId;
  }

  public void setSiteId(Long v) {
    siteId = v;
  }

  public String getPrincipalInvestigator() {
    return principalInvestigator;
  }

  public void setPrincipalInvestigator(String v) {
    principalInvestigator = v;
  }

  /**
   * The site the credential is for: the menu shows the first activated site before anyone picks
   * one, so that is the value until the user changes it (a null here made the upload refuse a site
   * the page showed as chosen).
   */
  public Long getCredentialSite() {
    if (credentialSite == null) {
      List<SiteActivation> list = getActivations();
      if (!list.isEmpty()) credentialSite = list.get(0).getSiteOrganisationId();
    }
    return credentialSite;
  }

  public void setCredentialSite(Long v) {
    credentialSite = v;
  }

  public String getCredentialKind() {
    return credentialKind;
  }

  public void setCredentialKind(String v) {
    credentialKind = v;
  }

  public String getFormLabel() {
    return formLabel;
  }

  public void setFormLabel(String v) {
    formLabel = v;
  }

  public String getFormLanguage() {
    return formLanguage;
  }

  public void setFormLanguage(String v) {
    formLanguage = v;
  }
}
