package org.trialledger.site.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.site.application.Enrolment;
import org.trialledger.site.application.SiteQueries;
import org.trialledger.site.domain.IdentifyingDetails;
import org.trialledger.site.store.Subject;

/**
 * The site dashboard: the trials the site works on, their subjects and consent state, and
 * enrolment.
 */
@Named
@ViewScoped
public class SiteDashboardBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SiteQueries queries;
  @Inject private Enrolment enrolment;
  @Inject private CurrentActor actor;

  private String enrolTrial, name, contact;
  private LocalDate birthDate;
  private String enrolled;

  /** A trial with its subjects as this site sees them. */
  public record TrialRows(String registryId, String title, List<SiteQueries.SubjectRow> subjects) {}

  public List<TrialRows> getTrials() {
    Caller caller = actor.caller();
    List<TrialRows> out = new ArrayList<>();
    for (Trial t : queries.trialsOfSite(caller))
      out.add(new TrialRows(t.getRegistryId(), t.getPublicTitle(), queries.rows(caller, t)));
    return out;
  }

  public void enrol() {
    IdentifyingDetails details =
        blank(name) && birthDate == null && blank(contact)
            ? null
            : new IdentifyingDetails(strip(name), birthDate, strip(contact));
    try {
      Subject s =
          FacesActions.attempt(() -> enrolment.enrol(actor.caller(), enrolTrial, details), null);
      if (s != null) {
        enrolled = s.getPseudonym();
        FacesActions.info(
            "Enrolled as "
                + s.getPseudonym()
                + (details == null
                    ? ""
                    : " (identifying details kept encrypted for your site only)"));
        name = null;
        contact = null;
        birthDate = null;
      }
    } catch (InvalidRecordException e) {
      e.errors()
          .forEach(f -> FacesActions.error(SiteFieldLabels.of(f.field()) + ": " + f.message()));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String strip(String s) {
    return blank(s) ? null : s.strip();
  }

  public String getEnrolTrial() {
    return enrolTrial;
  }

  public void setEnrolTrial(String v) {
    enrolTrial = v;
  }

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String v) {
    contact = v;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate v) {
    birthDate = v;
  }

  public String getEnrolled() {
    return enrolled;
  }
}
