package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsavedInputTest {
  private static final Map<String, String> TYPED =
      Map.of(
          "countries", "DE\nXX",
          "publicContact.email", "nope",
          "primaryOutcomes[0].measure", "",
          "arms[1].interventionNames", "a\nb");

  @ParameterizedTest(name = "{0} belongs to {1}")
  @CsvSource({
    "countries[1],                  countries",
    "publicContact.email,           publicContact.email",
    "primaryOutcomes[0].measure,    primaryOutcomes[0].measure",
    "arms[1].interventionNames[1],  arms[1].interventionNames",
    "publicContact,                 ",
    "eligibility.minimumAge,        "
  })
  void anErrorBelongsToTheInputThatHoldsItsPath(String error, String input) {
    assertEquals(input, UnsavedInput.inputPath(TYPED.keySet(), error));
    if (input == null) assertNull(UnsavedInput.textFor(TYPED, error));
    else assertEquals(TYPED.get(input), UnsavedInput.textFor(TYPED, error));
  }
}
