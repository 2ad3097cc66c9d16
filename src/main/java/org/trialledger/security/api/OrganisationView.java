package org.trialledger.security.api;

import java.time.Instant;
import org.trialledger.security.domain.Organisation;
import org.trialledger.security.domain.OrganisationKind;

/** An organisation as the API shows it. */
public record OrganisationView(
    long id, String name, OrganisationKind kind, String country, Instant createdAt) {
  static OrganisationView of(Organisation o) {
    return new OrganisationView(
        o.getId(), o.getName(), o.getKind(), o.getCountry(), o.getCreatedAt());
  }
}
