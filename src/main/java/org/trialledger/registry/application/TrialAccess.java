package org.trialledger.registry.application;

import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.domain.TrialStatus;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;

/**
 * Who may see and change a trial. Anyone sees published and withdrawn trials' published versions;
 * the sponsor's own staff and regulators also see drafts and versions under review; only the
 * sponsor's own staff change them. A trial the caller may not see is reported as not found, so its
 * existence does not leak.
 */
public final class TrialAccess {
  private TrialAccess() {}

  /** May see the draft, unpublished versions, review comments and unsubmitted documents. */
  public static boolean seesWork(Caller caller, Trial trial) {
    return caller.is(Role.REGULATOR) || ownsAsSponsor(caller, trial);
  }

  public static boolean ownsAsSponsor(Caller caller, Trial trial) {
    return caller.is(Role.SPONSOR) && caller.belongsTo(trial.getSponsorOrganisationId());
  }

  public static boolean isPublic(Trial trial) {
    return trial.getStatus() != TrialStatus.DRAFT;
  }

  static void requireVisible(Caller caller, Trial trial) {
    if (!isPublic(trial) && !seesWork(caller, trial)) throw notFound(trial.getRegistryId());
  }

  static void requireOwner(Caller caller, Trial trial) {
    if (!ownsAsSponsor(caller, trial)) {
      if (isPublic(trial) || caller.is(Role.REGULATOR))
        throw new AccessDeniedException("Only the sponsor's own staff may change this trial");
      throw notFound(trial.getRegistryId());
    }
  }

  static void requireRegulator(Caller caller) {
    if (!caller.is(Role.REGULATOR))
      throw new AccessDeniedException("Only a regulator may review a submitted version");
  }

  static NotFoundException notFound(String registryId) {
    return new NotFoundException("No trial " + registryId + " is visible to you");
  }
}
