package org.trialledger.ledger.merkle;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of one C2SP tlog-tiles resource: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry
 * bundle {@code tile/entries/<N>[.p/<W>]}. Parsing is strict, as the spec asks: a name has exactly
 * one spelling (no leading zeros in L or W, N in zero-padded three-digit groups), so that a cache
 * or a static mirror never holds two copies of one tile.
 *
 * @param level the tile level for hash tiles; {@code -1} for an entry bundle
 * @param index the tile's index within its level
 * @param width the number of hashes or entries: {@link #FULL} for a full tile, 1..255 for a partial
 */
public record TilePath(int level, long index, int width) {
  public static final int HEIGHT = 8;
  public static final int FULL = 1 << HEIGHT;
  public static final int ENTRIES = -1;

  private static final Pattern LEVEL = Pattern.compile("0|[1-9][0-9]?");
  private static final Pattern WIDTH = Pattern.compile("[1-9][0-9]{0,2}");
  private static final Pattern GROUP = Pattern.compile("x[0-9]{3}");
  private static final Pattern LAST = Pattern.compile("[0-9]{3}");

  public TilePath {
    if (level < ENTRIES || level > 63) throw new IllegalArgumentException("level must be 0..63");
    if (index < 0) throw new IllegalArgumentException("index must be ≥ 0");
    if (width < 1 || width > FULL) throw new IllegalArgumentException("width must be 1..256");
  }

  public boolean isEntries() {
    return level == ENTRIES;
  }

  public boolean isPartial() {
    return width < FULL;
  }

  /** The path below the log's prefix, e.g. {@code tile/0/x001/x234/067.p/12}. */
  public String path() {
    StringBuilder s = new StringBuilder("tile/").append(isEntries() ? "entries" : level);
    s.append('/').append(indexPath(index));
    if (isPartial()) s.append(".p/").append(width);
    return s.toString();
  }

  /** Index 1234067 → {@code x001/x234/067}: three-digit groups, all but the last prefixed x. */
  static String indexPath(long index) {
    String digits = Long.toString(index);
    int pad = (3 - digits.length() % 3) % 3;
    digits = "0".repeat(pad) + digits;
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 3) {
      if (i > 0) s.append('/');
      if (i + 3 < digits.length()) s.append('x');
      s.append(digits, i, i + 3);
    }
    return s.toString();
  }

  /** The tile a path below the prefix names, or empty when it is not exactly a tile name. */
  public static Optional<TilePath> parse(String path) {
    if (path == null || !path.startsWith("tile/")) return Optional.empty();
    String[] parts = path.substring("tile/".length()).split("/", -1);
    if (parts.length < 2) return Optional.empty();
    int level;
    if (parts[0].equals("entries")) level = ENTRIES;
    else if (LEVEL.matcher(parts[0]).matches()) level = Integer.parseInt(parts[0]);
    else return Optional.empty();
    if (level > 63) return Optional.empty();

    int end = parts.length;
    int width = FULL;
    String last = parts[end - 1];
    if (parts.length >= 3 && parts[end - 2].endsWith(".p")) {
      if (!WIDTH.matcher(last).matches()) return Optional.empty();
      width = Integer.parseInt(last);
      if (width >= FULL) return Optional.empty();
      end--;
      last = parts[end - 1].substring(0, parts[end - 1].length() - 2);
    }
    if (!LAST.matcher(last).matches()) return Optional.empty();
    int groups = end - 1;
    if (groups > 7) return Optional.empty(); // more than 2^63 tiles
    StringBuilder digits = new StringBuilder();
    for (int i = 1; i < end - 1; i++) {
      if (!GROUP.matcher(parts[i]).matches()) return Optional.empty();
      digits.append(parts[i], 1, 4);
    }
    digits.append(last);
    long index;
    try {
      index = Long.parseLong(digits.toString());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    TilePath tile = new TilePath(level, index, width);
    // One spelling only: x000/001 is not the name of tile 1.
    return tile.path().equals(path) ? Optional.of(tile) : Optional.empty();
  }
}
