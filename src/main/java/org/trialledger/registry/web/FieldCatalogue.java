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

  /**
   * The record path of a row's input: {@code primaryOutcomes.measure}, 0 → {@code
   * primaryOutcomes[0].measure}.
   */
  public String rowPath(String item, int index) {
    int dot = item.indexOf('.');
    return item.substring(0, dot) + "[" + index + "]" + item.substring(dot);
  }
}
