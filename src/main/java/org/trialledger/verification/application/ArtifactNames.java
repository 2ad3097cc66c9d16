package org.trialledger.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.application.TrialDocuments;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;

/**
 * Says in words which artifact a ledger entry is, to the public: published trials by title,
 * documents by file name once published; anything not public only by its kind and registry id
 * (which the public log shows).
 */
@ApplicationScoped
public class ArtifactNames {
  @Inject private TrialFinder trials;

  public String describe(LedgerEntryRow e) {
    String type = e.getArtifactType();
    String id = e.getArtifactId();
    try {
      if (TrialRegistry.VERSION_ARTIFACT.equals(type)) {
        Trial trial = trials.visibleTrial(Caller.ANONYMOUS, id);
        var version = trials.visibleVersion(Caller.ANONYMOUS, trial, e.getArtifactVersion());
        return "Version "
            + version.getVersionNumber()
            + " of the registration of "
            + id
            + " (\""
            + trials.recordOf(version).publicTitle()
            + "\")";
      }
      if (TrialDocuments.ARTIFACT_TYPE.equals(type)) {
        String registryId = id.substring(0, id.indexOf('/'));
        long documentId = Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
        Trial trial = trials.visibleTrial(Caller.ANONYMOUS, registryId);
        var d = trials.visibleDocument(Caller.ANONYMOUS, trial, documentId);
        return d.getKind().label() + " \"" + d.getFileName() + "\" of " + registryId;
      }
    } catch (NotFoundException | IndexOutOfBoundsException | NumberFormatException notPublic) {
      // fall through: the entry is public, the artifact is not (yet)
    }
    if (TrialRegistry.VERSION_ARTIFACT.equals(type))
      return "A registration version of " + id + " that is not published";
    if (TrialDocuments.ARTIFACT_TYPE.equals(type))
      return "A document of "
          + id.substring(0, Math.max(0, id.indexOf('/')))
          + " that is not published";
    if (AuditTrail.ARTIFACT_TYPE.equals(type))
      return "An audit-trail record (a salted commitment: its content stays with the registry)";
    return type + " " + id + " v" + e.getArtifactVersion();
  }
}
