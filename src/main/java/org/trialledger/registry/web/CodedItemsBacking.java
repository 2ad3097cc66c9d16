package org.trialledger.registry.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.trialledger.registry.application.CodedItemsReview;
import org.trialledger.security.application.CurrentActor;

/** The coded items whose text did not map to a code (sponsor's trials page, admins' list). */
@Named
@RequestScoped
public class CodedItemsBacking {
  @Inject private CodedItemsReview review;
  @Inject private CurrentActor actor;
  private List<CodedItemsReview.Item> items;

  public List<CodedItemsReview.Item> getItems() {
    if (items == null) items = review.unmapped(actor.caller());
    return items;
  }
}
