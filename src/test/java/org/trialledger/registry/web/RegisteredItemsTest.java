package org.trialledger.registry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.CodedItemsFixtures;
import org.trialledger.registry.domain.RegistryFixtures;

class RegisteredItemsTest {

  /** Issue 17: item numbers appeared as 9, 10, 5, 6, 4…; they now run 3, 4, 5 … 24. */
  @Test
  void itemsRunInWhoOrder() {
    List<Integer> numbers = new ArrayList<>();
    Pattern n = Pattern.compile("(\\d+)\\. ");
    for (RegisteredItems.Item i : RegisteredItems.inItemOrder(RegistryFixtures.completeRecord())) {
      Matcher m = n.matcher(i.label());
      if (m.lookingAt()) numbers.add(Integer.parseInt(m.group(1)));
    }
    List<Integer> sorted = new ArrayList<>(numbers);
    sorted.sort(null);
    assertEquals(sorted, numbers);
    assertTrue(numbers.size() > 15, numbers.toString());
  }

  @Test
  void codedItemsReadAsLabelsEvenWhenRecordedAsText() {
    String all =
        RegisteredItems.inItemOrder(CodedItems.normalise(CodedItemsFixtures.typedAsText()))
            .toString();
    assertTrue(all.contains("Phase 2, Phase 3") && all.contains("Placebo comparator"), all);
    assertTrue(all.contains("Estimated") || !all.contains("ANTICIPATED"), all);
    for (String code : List.of("PLACEBO_COMPARATOR", "ANTICIPATED", "RANDOMIZED", "PHASE2"))
      assertFalse(all.contains(code), code + " in " + all);
    assertFalse(all.contains("healthyVolunteers=false"), all);
  }

  @Test
  void optionsReadAsPeopleReadThem() {
    RegistryOptions o = new RegistryOptions();
    assertEquals("28 Nov 2026, 10:29 UTC", o.utc(Instant.parse("2026-11-28T10:29:41.123Z")));
    assertEquals("Phase 2/Phase 3", o.phaseList(List.of("PHASE2", "PHASE3")));
    assertEquals("Not given", o.phaseList(List.of()));
    assertEquals("Germany (DE)", o.country("DE"));
    assertEquals("Placebo comparator", o.coded("ARM_TYPE", "PLACEBO_COMPARATOR"));
    assertEquals("blinded assessor", o.coded("MASKING", "blinded assessor"));
    assertTrue(
        o.choices("MASKING", "blinded assessor").stream()
            .anyMatch(i -> i.getLabel().contains("not a choice")),
        "a value typed before stays visible until a choice is picked");
    assertEquals(
        List.of(
            "EARLY_PHASE1",
            "PHASE1",
            "PHASE1,PHASE2",
            "PHASE2",
            "PHASE2,PHASE3",
            "PHASE3",
            "PHASE4",
            "NA"),
        o.phaseChoices(null).stream().map(i -> (String) i.getValue()).toList());
  }
}
