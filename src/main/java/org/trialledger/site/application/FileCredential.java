package org.trialledger.site.application;

import org.trialledger.site.store.SiteCredential;

/** An investigator credential (a PDF) to file with a site's activation for a trial. */
public record FileCredential(
    String registryId,
    long siteOrganisationId,
    SiteCredential.Kind kind,
    String fileName,
    byte[] pdf) {}
