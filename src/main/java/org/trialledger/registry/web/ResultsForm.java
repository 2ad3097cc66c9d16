package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.blank;
import static org.trialledger.registry.web.FormText.name;
import static org.trialledger.registry.web.FormText.text;
import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.IpdPlan;
import org.trialledger.registry.domain.RegistrationRecord.IpdSharing;
import org.trialledger.registry.domain.RegistrationRecord.SummaryResults;

/** Summary results (item 23) and the individual participant data sharing statement (24). */
public class ResultsForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String firstPosted, url, summary, ipdPlan, ipdDescription;

  static ResultsForm of(RegistrationRecord r) {
    ResultsForm f = new ResultsForm();
    if (r.summaryResults() != null) {
      f.firstPosted = text(r.summaryResults().firstPosted());
      f.url = r.summaryResults().url();
      f.summary = r.summaryResults().summary();
    }
    if (r.ipdSharing() != null) {
      f.ipdPlan = name(r.ipdSharing().plan());
      f.ipdDescription = r.ipdSharing().description();
    }
    return f;
  }

  SummaryResults toSummaryResults(FormErrors errors) {
    if (blank(firstPosted) && blank(url) && blank(summary)) return null;
    return new SummaryResults(
        errors.date("summaryResults.firstPosted", firstPosted), trim(url), trim(summary));
  }

  IpdSharing toIpdSharing(FormErrors errors) {
    if (blank(ipdPlan) && blank(ipdDescription)) return null;
    return new IpdSharing(
        errors.choice("ipdSharing.plan", IpdPlan.class, ipdPlan), trim(ipdDescription));
  }

  public String getFirstPosted() {
    return firstPosted;
  }

  public void setFirstPosted(String v) {
    firstPosted = v;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String v) {
    url = v;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String v) {
    summary = v;
  }

  public String getIpdPlan() {
    return ipdPlan;
  }

  public void setIpdPlan(String v) {
    ipdPlan = v;
  }

  public String getIpdDescription() {
    return ipdDescription;
  }

  public void setIpdDescription(String v) {
    ipdDescription = v;
  }
}
