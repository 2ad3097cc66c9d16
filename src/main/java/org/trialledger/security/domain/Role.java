package org.trialledger.security.domain;

/** A role as Jakarta Security and {@code @RolesAllowed} name it. */
public enum Role {
  SPONSOR,
  SITE,
  REGULATOR,
  ADMIN;

  /** Role names as constants, for annotations. */
  public static final class Names {
    public static final String SPONSOR = "SPONSOR";
    public static final String SITE = "SITE";
    public static final String REGULATOR = "REGULATOR";
    public static final String ADMIN = "ADMIN";

    private Names() {}
  }
}
