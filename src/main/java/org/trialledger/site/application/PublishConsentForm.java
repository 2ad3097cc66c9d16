package org.trialledger.site.application;

/** A consent form version (a PDF) to publish for a trial's current protocol version. */
public record PublishConsentForm(
    String registryId, String label, String language, String fileName, byte[] pdf) {}
