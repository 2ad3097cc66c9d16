package org.trialledger.registry.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.FieldLabels;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.RegistrationRecord;

/** A record as the list of its registered items, labelled as the WHO data set numbers them. */
public final class RegisteredItems {
  private static final Pattern NUMBER = Pattern.compile("(\\d+)\\. ");

  private RegisteredItems() {}

  public record Item(String path, String label, String value) implements Serializable {}

  /**
   * The items in WHO data set order (3, 4, 5 … 24), then the ClinicalTrials.gov elements; coded
   * items as their labels.
   */
  public static List<Item> inItemOrder(RegistrationRecord record) {
    List<Item> items = new ArrayList<>();
    for (Item i : of(record)) {
      items.add(new Item(i.path(), i.label(), readable(i.path(), i.value())));
    }
    items.sort(Comparator.comparingInt(i -> itemNumber(i.label())));
    return items;
  }

  /** A coded value as its label, a yes/no as words; other text as it is. */
  static String readable(String path, String value) {
    if (path.endsWith("healthyVolunteers"))
      return "true".equals(value) ? "Accepts healthy volunteers" : "No healthy volunteers";
    return CodedItems.vocabularyOf(path)
        .map(
            v -> {
              List<String> labels = new ArrayList<>();
              for (String part : value.split("; ")) labels.add(v.label(part));
              return String.join(", ", labels);
            })
        .orElse(value);
  }

  private static int itemNumber(String label) {
    Matcher m = NUMBER.matcher(label);
    return m.lookingAt() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }

  public static List<Item> of(RegistrationRecord record) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, String> e : RecordDiff.flatten(record).entrySet()) {
      items.add(new Item(e.getKey(), FieldLabels.of(e.getKey()), e.getValue()));
    }
    return items;
  }
}
