package org.trialledger.verification.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.WorkspaceTrial;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.verification.application.InspectionJobs;

/**
 * The regulator's workspace: every trial whatever its state, and inspection packages built with
 * progress.
 */
@Named
@ViewScoped
public class RegulatorWorkspaceBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialFinder trials;
  @Inject private InspectionJobs jobs;
  @Inject private CurrentActor actor;

  private String jobId;
  private String jobTrial;

  private String filter;
  private transient List<WorkspaceTrial> rows;

  /** Read once per request and filter (the table asks for its rows several times per render). */
  public List<WorkspaceTrial> getTrials() {
    if (rows == null) rows = trials.workspace(actor.caller(), filter);
    return rows;
  }

  public void applyFilter() {
    rows = null;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String v) {
    filter = v;
    rows = null;
  }

  public void inspect(String registryId) {
    InspectionJobs.Status status =
        FacesActions.attempt(() -> jobs.start(actor.caller(), registryId), null);
    if (status != null) {
      jobId = status.id();
      jobTrial = registryId;
    }
  }

  public InspectionJobs.Status getJob() {
    return jobId == null ? null : jobs.status(actor.caller(), jobId);
  }

  public int getProgress() {
    InspectionJobs.Status s = getJob();
    return s == null ? 0 : s.percent();
  }

  /** Streams the finished zip to the browser. */
  public void download() throws IOException {
    Path file = jobs.file(actor.caller(), jobId);
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    ext.responseReset();
    ext.setResponseContentType("application/zip");
    ext.setResponseContentLength((int) Files.size(file));
    ext.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"inspection-" + jobTrial + ".zip\"");
    Files.copy(file, ext.getResponseOutputStream());
    faces.responseComplete();
  }

  public String getJobId() {
    return jobId;
  }

  public String getJobTrial() {
    return jobTrial;
  }
}
