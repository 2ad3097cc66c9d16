package org.trialledger.site.domain;

/**
 * What a signer means by an electronic signature (21 CFR 11.50(a)(3)), in words fit for the printed
 * record.
 */
public enum SignatureMeaning {
  AUTHOR("Author: I entered this record and it is accurate"),
  REVIEW("Review: I have reviewed this record"),
  APPROVAL("Approval: I approve this record"),
  RESPONSIBILITY("Responsibility: I take responsibility for this record"),
  CONSENT_OBTAINED(
      "Consent obtained: I obtained this informed consent in accordance with the protocol");

  private final String text;

  SignatureMeaning(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
