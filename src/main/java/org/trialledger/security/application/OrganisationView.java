package org.trialledger.security.application;

import java.time.Instant;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.security.store.Organisation;

/** An organisation as the API shows it. */
public record OrganisationView(
    long id, String name, OrganisationKind kind, String country, Instant createdAt) {
  public static OrganisationView of(Organisation o) {
    return new OrganisationView(
        o.getId(), o.getName(), o.getKind(), o.getCountry(), o.getCreatedAt());
  }
}
