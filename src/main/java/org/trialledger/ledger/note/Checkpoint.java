package org.trialledger.ledger.note;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trialledger.ledger.Hash;

/**
 * A C2SP {@code tlog-checkpoint} body: the log's origin, the tree size in decimal, the root hash in
 * base64, then optional extension lines; each line ends in a newline.
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.contains("\n"))
      throw new IllegalArgumentException("The origin is one non-empty line");
    if (size < 0) throw new IllegalArgumentException("The size is ≥ 0");
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
    for (String e : extensions) {
      if (e.isEmpty() || e.contains("\n"))
        throw new IllegalArgumentException("An extension is one non-empty line");
    }
  }

  public Checkpoint(String origin, long size, Hash root) {
    this(origin, size, root, List.of());
  }

  public String text() {
    StringBuilder b =
        new StringBuilder()
            .append(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(root.base64())
            .append('\n');
    for (String e : extensions) b.append(e).append('\n');
    return b.toString();
  }

  /** Signs this checkpoint: the whole signed note. */
  public String sign(NoteKey key) {
    return SignedNote.sign(text(), key);
  }

  /** Parses a checkpoint body strictly. */
  public static Checkpoint parse(String text) {
    if (!text.endsWith("\n"))
      throw new IllegalArgumentException("A checkpoint ends with a newline");
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3)
      throw new IllegalArgumentException("A checkpoint has an origin, a size and a root hash");
    if (!DECIMAL.matcher(lines[1]).matches())
      throw new IllegalArgumentException("The tree size is not a decimal number: " + lines[1]);
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The tree size is out of range");
    }
    List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
    return new Checkpoint(lines[0], size, Hash.ofBase64(lines[2]), extensions);
  }

  /** Verifies a signed checkpoint note with {@code key} and returns the checkpoint it holds. */
  public static Checkpoint open(String note, NoteKey key) throws SignedNote.NoteException {
    String text = SignedNote.open(note, key);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new SignedNote.NoteException("Not a checkpoint: " + e.getMessage());
    }
  }
}
