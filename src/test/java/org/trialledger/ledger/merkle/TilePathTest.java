package org.trialledger.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TilePathTest {
  @ParameterizedTest
  @CsvSource({
    "tile/0/000, 0, 0, 256",
    "tile/0/067, 0, 67, 256",
    "tile/1/x001/x234/067, 1, 1234067, 256",
    "tile/2/001.p/17, 2, 1, 17",
    "tile/0/x001/000.p/255, 0, 1000, 255",
    "tile/entries/x001/x234/067, -1, 1234067, 256",
    "tile/entries/273.p/112, -1, 273, 112",
    "tile/63/000, 63, 0, 256",
  })
  void namesFromTheSpecRoundTrip(String path, int level, long index, int width) {
    TilePath tile = new TilePath(level, index, width);
    assertEquals(path, tile.path());
    assertEquals(Optional.of(tile), TilePath.parse(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tile/00/000", // leading zero in L
        "tile/64/000", // L above 63
        "tile/0/0", // N not three digits
        "tile/0/1234", // N not grouped
        "tile/0/x000/001", // a second spelling of tile 1
        "tile/0/001/002", // non-final group without x
        "tile/0/x001", // final group with x
        "tile/0/001.p/0", // W = 0
        "tile/0/001.p/256", // W = 256 is the full tile, spelt without .p
        "tile/0/001.p/012", // leading zero in W
        "tile/0/001.p/", // empty W
        "tile/0/001.p",
        "tile/data/000",
        "tile/0/000/",
        "tile/0/x009/x223/x372/x036/x854/x775/808", // beyond a long
        "tiles/0/000",
        "tile/-1/000",
      })
  void everyOtherSpellingIsRefused(String path) {
    assertTrue(TilePath.parse(path).isEmpty(), path);
  }
}
