package org.trialledger.results.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.results.application.ResultsTables;
import org.trialledger.results.application.ResultsVersionView;
import org.trialledger.results.application.TrialResults;
import org.trialledger.results.domain.ResultsEnvelope;
import org.trialledger.security.application.CurrentActor;

/** The Results section of the public trial page: the newest published results version. */
@Named
@RequestScoped
public class PublicResultsBacking {
  @Inject private TrialResults results;
  @Inject private CurrentActor actor;

  /** What the page shows of one trial's published results. */
  public record Shown(ResultsVersionView version, List<ResultsTables.Module> modules) {}

  private final Map<String, Shown> cache = new HashMap<>();

  /**
   * The published results of the trial, or null when it has none (or the caller may not see it).
   */
  public Shown of(String registryId) {
    if (registryId == null) return null;
    return cache.computeIfAbsent(
        registryId,
        id -> {
          try {
            return results
                .published(actor.caller(), id)
                .map(
                    v ->
                        new Shown(
                            v,
                            ResultsTables.of(
                                ResultsEnvelope.parse(v.canonicalJson()).record(), "results")))
                .orElse(null);
          } catch (NotFoundException | AccessDeniedException e) {
            return null;
          }
        });
  }
}
