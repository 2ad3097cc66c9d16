package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchWordsTest {

  /** Each inflected form's stem occurs in the other forms, so a substring match finds them all. */
  @Test
  void everyFormOfAWordFindsTheOthers() {
    List<List<String>> families =
        List.of(
            List.of("stroke", "strokes"),
            List.of("study", "studies"),
            List.of("vaccine", "vaccines"),
            List.of("hospital", "hospitals"),
            List.of("inhaler", "inhalers"),
            List.of("exercise", "exercises", "exercised", "exercising"),
            List.of("trial", "trials"),
            List.of("disease", "diseases"),
            List.of("analysis", "analyses"));
    for (List<String> family : families) {
      for (String query : family) {
        String stem = SearchWords.stems(query).get(0);
        for (String text : family) {
          assertTrue(text.contains(stem), query + " -> " + stem + " does not occur in " + text);
        }
      }
    }
  }

  @Test
  void shortWordsIdentifiersAndEndingsThatAreNotInflectionsStay() {
    assertEquals(List.of("gout", "hiv", "copd"), SearchWords.stems("gout HIV COPD"));
    assertEquals(List.of("virus", "stress"), SearchWords.stems("virus stress"));
    assertEquals(List.of("nct01234567"), SearchWords.stems("NCT01234567"));
    assertEquals(List.of("tidal", "breath"), SearchWords.stems("\"tidal breathes\""));
  }

  @Test
  void atMostEightWordsAndNoEmptyOnes() {
    assertEquals(8, SearchWords.stems("a b c d e f g h i j k").size());
    assertEquals(List.of(), SearchWords.stems("  \"\" -- "));
    assertEquals(List.of(), SearchWords.stems(null));
  }
}
