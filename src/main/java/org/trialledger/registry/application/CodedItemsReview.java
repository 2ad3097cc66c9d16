package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.FieldLabels;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;

/**
 * What did not map when coded items became codes (migration V20): coded text in a draft or in the
 * published version that no code of its vocabulary means. Sponsors see their organisation's trials;
 * administrators and regulators every trial.
 */
@ApplicationScoped
public class CodedItemsReview {
  @Inject private TrialFinder finder;
  @PersistenceContext private EntityManager em;

  /** One item: in which trial, where (the draft, or the published version n), and its text. */
  public record Item(String registryId, String where, String item, String value) {}

  public List<Item> unmapped(Caller caller) {
    List<Trial> trials;
    if (caller.is(Role.ADMIN) || caller.is(Role.REGULATOR)) {
      trials = em.createQuery("SELECT t FROM Trial t ORDER BY t.id", Trial.class).getResultList();
    } else if (caller.is(Role.SPONSOR)) {
      trials = finder.ownTrials(caller);
    } else {
      throw new AccessDeniedException("Sponsors, regulators and administrators only");
    }
    List<Item> out = new ArrayList<>();
    for (Trial t : trials) {
      for (CodedItems.Unmapped u : CodedItems.unmapped(finder.draftOf(t)))
        out.add(item(t, "Draft", u));
      finder
          .publishedVersion(t)
          .ifPresent(
              v -> {
                for (CodedItems.Unmapped u : CodedItems.unmapped(finder.recordOf(v)))
                  out.add(item(t, "Published version " + v.getVersionNumber(), u));
              });
    }
    return out;
  }

  private static Item item(Trial t, String where, CodedItems.Unmapped u) {
    return new Item(t.getRegistryId(), where, FieldLabels.of(u.path()), u.value());
  }
}
