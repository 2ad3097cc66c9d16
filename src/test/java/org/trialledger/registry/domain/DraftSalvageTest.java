package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DraftSalvageTest {

  /** One bad value among good edits: the good edits are kept, the bad one refused at its path. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void oneBadValueCostsOnlyThatValue(String path, Consumer<Map<String, Object>> spoil) {
    RegistrationRecord stored = RegistryFixtures.completeRecord();
    Map<String, Object> json = edit(stored);
    json.put("acronym", "NEW-ACRONYM");
    json.put("briefSummary", "A new summary");
    spoil.accept(json);
    RegistrationRecord candidate = RecordCodec.decode(json, RegistrationRecord.class);

    DraftSalvage.Result r = DraftSalvage.salvage(candidate, List.of(), stored);

    assertEquals("NEW-ACRONYM", r.record().acronym(), "a good edit is saved");
    assertEquals("A new summary", r.record().briefSummary());
    assertTrue(RegistrationValidator.checkDraft(r.record()).isEmpty(), "what is stored is valid");
    assertTrue(
        r.refused().stream().anyMatch(e -> e.field().equals(path)),
        path + " refused: " + r.refused());
    assertEquals(
        RecordCodec.encode(stored).get(path.split("[.\\[]")[0]) != null,
        RecordCodec.encode(r.record()).get(path.split("[.\\[]")[0]) != null,
        "the item keeps what was stored");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            "publicContact.email",
            spoil(j -> member(j, "publicContact").put("email", "not-an-email"))),
        Arguments.of(
            "eligibility.minimumAge",
            spoil(j -> member(j, "eligibility").put("minimumAge", "N/A"))),
        Arguments.of("countries[3]", spoil(j -> list(j, "countries").add("XX"))),
        Arguments.of(
            "primaryOutcomes[1].measure",
            spoil(
                j ->
                    list(j, "primaryOutcomes")
                        .add(new LinkedHashMap<>(Map.of("timeFrame", "12 weeks"))))),
        Arguments.of("completion.date", spoil(j -> member(j, "completion").put("date", "1999-01"))),
        Arguments.of("publicTitle", spoil(j -> j.put("publicTitle", "x".repeat(501)))));
  }

  @Test
  void anUnreadableValueKeepsWhatWasStored() {
    RegistrationRecord stored = RegistryFixtures.completeRecord();
    Map<String, Object> json = edit(stored);
    json.put("acronym", "NEW");
    json.remove("completion"); // what the form leaves out when it cannot read "2027-13"
    DraftSalvage.Result r =
        DraftSalvage.salvage(
            RecordCodec.decode(json, RegistrationRecord.class),
            List.of(new FieldError("completion.date", "Not a real calendar date")),
            stored);
    assertEquals("NEW", r.record().acronym());
    assertEquals(stored.completion().date(), r.record().completion().date());
    assertEquals(
        List.of(new FieldError("completion.date", "Not a real calendar date")), r.refused());
  }

  @Test
  void aValidFormIsStoredAsItIs() {
    RegistrationRecord stored = RegistrationRecord.empty();
    RegistrationRecord candidate = RegistryFixtures.completeRecord();
    DraftSalvage.Result r = DraftSalvage.salvage(candidate, List.of(), stored);
    assertEquals(candidate, r.record());
    assertTrue(r.refused().isEmpty());
  }

  private static Consumer<Map<String, Object>> spoil(Consumer<Map<String, Object>> c) {
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> edit(RegistrationRecord r) {
    return (Map<String, Object>) deep(RecordCodec.encode(r));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Map<String, Object> j, String name) {
    return (Map<String, Object>) j.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> j, String name) {
    return (List<Object>) j.computeIfAbsent(name, k -> new ArrayList<>());
  }

  private static Object deep(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put((String) k, deep(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(deep(x)));
      return out;
    }
    return v;
  }
}
