package org.trialledger.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialledger.registry.domain.FieldLabels;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.RegistrationRecord;

/** A record as the list of its registered items, labelled as the WHO data set numbers them. */
public final class RegisteredItems {
  private RegisteredItems() {}

  public record Item(String path, String label, String value) {}

  public static List<Item> of(RegistrationRecord record) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, String> e : RecordDiff.flatten(record).entrySet()) {
      items.add(new Item(e.getKey(), FieldLabels.of(e.getKey()), e.getValue()));
    }
    return items;
  }
}
