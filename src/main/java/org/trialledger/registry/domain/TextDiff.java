package org.trialledger.registry.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff (longest common subsequence over words and the white space between them), for
 * showing what changed inside a paragraph. Inputs past {@link #MAX_TOKENS} words are compared as a
 * whole, to keep the quadratic table small.
 */
public final class TextDiff {
  static final int MAX_TOKENS = 2_000;

  private TextDiff() {}

  public enum Kind {
    SAME,
    DELETED,
    INSERTED
  }

  public record Segment(Kind kind, String text) implements Serializable {
    public boolean isDeleted() {
      return kind == Kind.DELETED;
    }

    public boolean isInserted() {
      return kind == Kind.INSERTED;
    }
  }

  public static List<Segment> words(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    if ((long) a.size() * b.size() > (long) MAX_TOKENS * MAX_TOKENS / 4) {
      return List.of(new Segment(Kind.DELETED, before), new Segment(Kind.INSERTED, after));
    }
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Segment> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        append(out, Kind.SAME, a.get(i++));
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        append(out, Kind.INSERTED, b.get(j++));
      } else {
        append(out, Kind.DELETED, a.get(i++));
      }
    }
    return out;
  }

  private static void append(List<Segment> out, Kind kind, String token) {
    if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
      Segment last = out.remove(out.size() - 1);
      out.add(new Segment(kind, last.text() + token));
    } else {
      out.add(new Segment(kind, token));
    }
  }

  /**
   * Words and the runs of white space between them, so that joining the tokens gives back the text.
   */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) return tokens;
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length()
          || Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(text.charAt(start))) {
        tokens.add(text.substring(start, i));
        start = i;
      }
    }
    return tokens;
  }
}
