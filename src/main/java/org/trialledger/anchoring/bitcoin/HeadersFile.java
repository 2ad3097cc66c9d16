package org.trialledger.anchoring.bitcoin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Headers from a text file, one {@code HEIGHT HEX-OF-80-BYTE-HEADER} per line; blank lines and
 * lines starting with {@code #} are skipped. Where consecutive heights are both present, the later
 * one must link to the earlier (its previous-hash field), so a file cannot mix chains unnoticed.
 */
public final class HeadersFile implements HeaderSource {
  private final Map<Long, BlockHeader> byHeight;

  private HeadersFile(Map<Long, BlockHeader> byHeight) {
    this.byHeight = Collections.unmodifiableMap(byHeight);
  }

  public static HeadersFile load(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.US_ASCII));
  }

  /**
   * @throws IllegalArgumentException naming the first bad line
   */
  public static HeadersFile parse(List<String> lines) {
    TreeMap<Long, BlockHeader> map = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] parts = line.split("\\s+");
      try {
        if (parts.length != 2) throw new IllegalArgumentException("expected HEIGHT HEX");
        long height = Long.parseLong(parts[0]);
        if (height < 0) throw new IllegalArgumentException("negative height");
        if (map.put(height, BlockHeader.fromHex(parts[1])) != null) {
          throw new IllegalArgumentException("height " + height + " given twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("headers line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    for (Map.Entry<Long, BlockHeader> e : map.entrySet()) {
      BlockHeader previous = map.get(e.getKey() - 1);
      if (previous != null
          && !Arrays.equals(e.getValue().previousBlockHash(), previous.hashInternalOrder())) {
        throw new IllegalArgumentException(
            "header " + e.getKey() + " does not follow header " + (e.getKey() - 1));
      }
    }
    return new HeadersFile(map);
  }

  @Override
  public Optional<BlockHeader> header(long height) {
    return Optional.ofNullable(byHeight.get(height));
  }

  /** Every header of the file, by height. */
  public Map<Long, BlockHeader> headers() {
    return byHeight;
  }

  public int size() {
    return byHeight.size();
  }
}
