package org.trialledger.site.domain;

import java.util.ArrayList;
import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord;

/**
 * An outcome measure as registered, addressed by its 1-based position in the registration: primary
 * outcomes first, then secondary ones. Results name both index and measure, so that a renumbered or
 * renamed outcome in a later registration version cannot silently take over earlier results.
 */
public record OutcomeMeasure(int index, String name, boolean primary) {
  public static List<OutcomeMeasure> registered(RegistrationRecord registration) {
    List<OutcomeMeasure> out = new ArrayList<>();
    for (var o : registration.primaryOutcomes())
      out.add(new OutcomeMeasure(out.size() + 1, o.measure(), true));
    for (var o : registration.secondaryOutcomes())
      out.add(new OutcomeMeasure(out.size() + 1, o.measure(), false));
    return out;
  }
}
