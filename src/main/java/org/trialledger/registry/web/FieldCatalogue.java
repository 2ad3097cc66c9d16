package org.trialledger.registry.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.trialledger.registry.domain.FieldLabels;

/**
 * The registration form's field catalogue for the {@code tl:} tags: label, hint and limits by
 * record path.
 */
@Named
@ApplicationScoped
public class FieldCatalogue {
  public FieldLabels.Field field(String path) {
    return FieldLabels.field(path);
  }
}
