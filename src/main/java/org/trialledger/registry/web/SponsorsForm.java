package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.lines;
import static org.trialledger.registry.web.FormText.list;
import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;

/** Funding, sponsors and the two contacts (items 4 to 8); lists are edited one per line. */
public class SponsorsForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String primarySponsor, secondarySponsors, fundingSources;
  private ContactForm publicContact = new ContactForm();
  private ContactForm scientificContact = new ContactForm();

  static SponsorsForm of(RegistrationRecord r) {
    SponsorsForm f = new SponsorsForm();
    f.primarySponsor = r.primarySponsor();
    f.secondarySponsors = lines(r.secondarySponsors());
    f.fundingSources = lines(r.fundingSources());
    f.publicContact = ContactForm.of(r.publicContact());
    f.scientificContact = ContactForm.of(r.scientificContact());
    return f;
  }

  String primarySponsor() {
    return trim(primarySponsor);
  }

  List<String> secondarySponsorList() {
    return list(secondarySponsors);
  }

  List<String> fundingSourceList() {
    return list(fundingSources);
  }

  public String getPrimarySponsor() {
    return primarySponsor;
  }

  public void setPrimarySponsor(String v) {
    primarySponsor = v;
  }

  public String getSecondarySponsors() {
    return secondarySponsors;
  }

  public void setSecondarySponsors(String v) {
    secondarySponsors = v;
  }

  public String getFundingSources() {
    return fundingSources;
  }

  public void setFundingSources(String v) {
    fundingSources = v;
  }

  public ContactForm getPublicContact() {
    return publicContact;
  }

  public ContactForm getScientificContact() {
    return scientificContact;
  }
}
