package org.trialledger.registry.domain;

/** The documents a sponsor attaches to a protocol version. */
public enum DocumentKind {
  PROTOCOL("Study protocol"),
  STATISTICAL_ANALYSIS_PLAN("Statistical analysis plan"),
  CONSENT_FORM_TEMPLATE("Informed consent form template"),
  OTHER("Other document");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
