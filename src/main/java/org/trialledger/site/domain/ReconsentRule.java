package org.trialledger.site.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who must consent again after a protocol amendment, and who has no valid consent at all. A
 * subject's standing is their latest consent event (ties: a withdrawal wins, the cautious reading).
 * Consent is current when given on a form bound to the newest protocol version that has a consent
 * form.
 */
public final class ReconsentRule {
  private ReconsentRule() {}

  public enum Reason {
    /** Consented on a form of an older protocol version than the newest form's. */
    FORM_SUPERSEDED,
    NEVER_CONSENTED,
    WITHDRAWN,
    /**
     * The consent names a form version (or document hash) this trial does not have: it cannot be
     * shown valid.
     */
    UNKNOWN_FORM
  }

  public record Finding(Pseudonym subject, Reason reason, String latestFormVersionId) {}

  /**
   * {@code mustReconsent}: FORM_SUPERSEDED findings; {@code withoutValidConsent}: the rest. Both
   * sorted by pseudonym.
   */
  public record Report(List<Finding> mustReconsent, List<Finding> withoutValidConsent) {
    public Report {
      mustReconsent = List.copyOf(mustReconsent);
      withoutValidConsent = List.copyOf(withoutValidConsent);
    }
  }

  /** Each subject's latest consent event. */
  public static Map<Pseudonym, ConsentRecord> latestEvents(Collection<ConsentRecord> events) {
    Comparator<ConsentRecord> order =
        Comparator.comparing(ConsentRecord::occurredAt)
            .thenComparing(e -> e.event() == ConsentRecord.Event.WITHDRAWN);
    Map<Pseudonym, ConsentRecord> latest = new HashMap<>();
    for (ConsentRecord e : events)
      latest.merge(e.subject(), e, (a, b) -> order.compare(a, b) >= 0 ? a : b);
    return latest;
  }

  /**
   * @param forms the trial's consent-form versions
   * @param subjects the trial's enrolled subjects (subjects with events but not listed are judged
   *     too)
   * @param events all consent events of those subjects in this trial
   */
  public static Report evaluate(
      Collection<ConsentFormVersion> forms,
      Collection<Pseudonym> subjects,
      Collection<ConsentRecord> events) {
    Map<String, ConsentFormVersion> byId =
        forms.stream().collect(Collectors.toMap(ConsentFormVersion::id, f -> f));
    int newestProtocol =
        forms.stream()
            .mapToInt(ConsentFormVersion::protocolVersion)
            .max()
            .orElse(Integer.MIN_VALUE);
    Map<Pseudonym, ConsentRecord> latest = latestEvents(events);
    TreeSet<Pseudonym> everyone = new TreeSet<>(subjects);
    everyone.addAll(latest.keySet());
    List<Finding> reconsent = new ArrayList<>();
    List<Finding> invalid = new ArrayList<>();
    for (Pseudonym subject : everyone) {
      ConsentRecord last = latest.get(subject);
      if (last == null) {
        invalid.add(new Finding(subject, Reason.NEVER_CONSENTED, null));
        continue;
      }
      String formId = last.consentFormVersionId();
      ConsentFormVersion form = byId.get(formId);
      if (last.event() == ConsentRecord.Event.WITHDRAWN) {
        invalid.add(new Finding(subject, Reason.WITHDRAWN, formId));
      } else if (form == null || !form.documentSha256().equals(last.consentFormSha256())) {
        invalid.add(new Finding(subject, Reason.UNKNOWN_FORM, formId));
      } else if (form.protocolVersion() < newestProtocol) {
        reconsent.add(new Finding(subject, Reason.FORM_SUPERSEDED, formId));
      }
    }
    return new Report(reconsent, invalid);
  }
}
