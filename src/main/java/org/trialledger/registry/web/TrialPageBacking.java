package org.trialledger.registry.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.ReceiptView;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.ViewErrors;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.store.ReviewComment;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.application.UserDirectory;

/**
 * A trial's public page, in ClinicalTrials.gov's sections: the shown version (the published one by
 * default) with coded items as their labels, the version history with what changed, the documents
 * with their hashes, and the ledger's receipt as a panel; every registered item in WHO order too.
 */
@Named
@ViewScoped
public class TrialPageBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TrialFinder finder;
  @Inject private CurrentActor actor;
  @Inject private UserDirectory directory;
  @Inject private LedgerLog ledger;

  private String id;
  private Integer version;
  private Trial trial;
  private String sponsorName;
  private boolean staff;
  private TrialVersion shown;
  private List<RegisteredItems.Item> items = List.of();
  private RegistrationRecord record;
  private ReceiptView receipt;
  private final List<VersionRow> versions = new ArrayList<>();
  private List<TrialDocument> documents = List.of();

  /**
   * A version in the history, with the items it changed relative to the previous visible version.
   */
  public record VersionRow(
      TrialVersion version, List<String> changedItems, List<ReviewComment> comments)
      implements Serializable {}

  public void load() {
    Caller caller = actor.caller();
    try {
      trial = finder.visibleTrial(caller, id);
      List<TrialVersion> visible = finder.visibleVersions(caller, trial);
      staff = TrialAccess.seesWork(caller, trial);
      sponsorName =
          directory
              .findOrganisation(trial.getSponsorOrganisationId())
              .map(o -> o.getName())
              .orElse("");
      RegistrationRecord previous = null;
      for (TrialVersion v : visible) {
        RegistrationRecord r = finder.recordOf(v);
        List<String> changed =
            previous == null ? List.of("First registration") : RecordDiff.changedItems(previous, r);
        versions.add(0, new VersionRow(v, changed, finder.visibleComments(caller, trial, v)));
        previous = r;
      }
      if (version != null) {
        shown = finder.visibleVersion(caller, trial, version);
      } else {
        shown =
            finder
                .publishedVersion(trial)
                .orElse(visible.isEmpty() ? null : visible.get(visible.size() - 1));
      }
      if (shown != null) {
        // shown with codes even where a version recorded before they were choices has text
        record = CodedItems.normalise(finder.recordOf(shown));
        items = RegisteredItems.inItemOrder(record);
        receipt = ledger.receipt(shown.getLeafHash()).orElse(null);
      }
      documents = finder.visibleDocuments(caller, trial);
    } catch (NotFoundException e) {
      ViewErrors.send(404, e.getMessage());
    }
  }

  public String getTitle() {
    return items.stream()
        .filter(i -> i.path().equals("publicTitle"))
        .map(RegisteredItems.Item::value)
        .findFirst()
        .orElse(id);
  }

  /** The shown version's record, coded items as codes (labels come from RegistryOptions). */
  public RegistrationRecord getRecord() {
    return record;
  }

  /** The ledger's receipt of the shown version; null while the log cannot say. */
  public ReceiptView getReceipt() {
    return receipt;
  }

  public Trial getTrial() {
    return trial;
  }

  public String getSponsorName() {
    return sponsorName;
  }

  public boolean isStaff() {
    return staff;
  }

  public TrialVersion getShown() {
    return shown;
  }

  public List<RegisteredItems.Item> getItems() {
    return items;
  }

  public List<VersionRow> getVersions() {
    return versions;
  }

  public List<TrialDocument> getDocuments() {
    return documents;
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer v) {
    version = v;
  }
}
