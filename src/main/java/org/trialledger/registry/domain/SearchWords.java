package org.trialledger.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a free-text search reduced to stems for substring matching, where the database has
 * no text-search configuration (H2, the zero-setup demo): "strokes" and "stroke" both become
 * "strok", which occurs in either. PostgreSQL stems with its 'english' configuration instead.
 *
 * <p>Only inflectional endings are removed (plurals -s, -es, -ies and -is/-es, -ing, -ed, a final
 * -e or -y), and a stem keeps at least four letters, so that short words are not cut down to
 * something that matches everything.
 */
public final class SearchWords {
  /** At most this many words take part; the rest of a long query is ignored. */
  public static final int MAX_WORDS = 8;

  private static final String[] ENDINGS = {"ies", "ing", "es", "ed", "is", "s", "e", "y"};
  private static final int MIN_STEM = 4;

  private SearchWords() {}

  public static List<String> stems(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (String raw : text.toLowerCase(Locale.ROOT).split("\\s+")) {
      String word = raw.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "");
      if (word.isEmpty() || word.equals("or")) continue;
      out.add(stem(word));
      if (out.size() == MAX_WORDS) break;
    }
    return out;
  }

  static String stem(String word) {
    if (!word.chars().allMatch(Character::isLetter)) return word;
    for (String ending : ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
        if (ending.equals("s") && (word.endsWith("ss") || word.endsWith("us"))) continue;
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }
}
