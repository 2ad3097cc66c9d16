package org.trialledger.anchoring.headersource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.HeadersFile;

/**
 * A headers file ("HEIGHT HEX" lines) kept by an operator, read again whenever it changes: one
 * source among the others, validated like them.
 */
public final class HeadersFileSource implements RemoteHeaderSource {
  private final Path file;
  private FileTime loadedAt;
  private Map<Long, BlockHeader> byHeight = Map.of();
  private Map<String, BlockHeader> byHash = Map.of();

  public HeadersFileSource(Path file) {
    this.file = file;
  }

  @Override
  public String name() {
    return "headers file " + file;
  }

  @Override
  public synchronized String blockHash(long height) throws SourceException {
    BlockHeader h = load().get(height);
    if (h == null) throw new SourceException("no header at height " + height + " in " + file);
    return h.blockHashHex();
  }

  @Override
  public synchronized BlockHeader header(String hash) throws SourceException {
    load();
    BlockHeader h = byHash.get(hash);
    if (h == null) throw new SourceException("no block " + hash + " in " + file);
    return h;
  }

  private Map<Long, BlockHeader> load() throws SourceException {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(loadedAt)) {
        byHeight = HeadersFile.load(file).headers();
        Map<String, BlockHeader> hashes = new HashMap<>();
        byHeight.values().forEach(h -> hashes.put(h.blockHashHex(), h));
        byHash = hashes;
        loadedAt = modified;
      }
      return byHeight;
    } catch (IOException | IllegalArgumentException e) {
      throw new SourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
