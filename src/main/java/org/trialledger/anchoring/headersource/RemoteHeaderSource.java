package org.trialledger.anchoring.headersource;

import org.trialledger.anchoring.bitcoin.BlockHeader;

/**
 * A source that is asked, not trusted: which block it has at a height, and that block's header.
 * {@link HeaderQuorum} checks every answer.
 */
public interface RemoteHeaderSource {
  /** How the page and logs name this source (never with credentials). */
  String name();

  /** The hash (as explorers show it) of the block the source has at {@code height}. */
  String blockHash(long height) throws SourceException;

  /** The 80-byte header of block {@code hash}; it must hash to {@code hash}. */
  BlockHeader header(String hash) throws SourceException;

  /** Checks an answered hash's shape (64 lower-case hex digits). */
  static String hash(String answer, String what) throws SourceException {
    String h = answer == null ? "" : answer.strip();
    if (!h.matches("[0-9a-f]{64}"))
      throw new SourceException(what + " is not a block hash: " + abbreviate(h));
    return h;
  }

  /** Parses an answered header and checks it is block {@code hash}. */
  static BlockHeader header(String answer, String hash, String what) throws SourceException {
    String hex = answer == null ? "" : answer.strip();
    if (!hex.matches("[0-9a-fA-F]{160}"))
      throw new SourceException(what + " is not an 80-byte header: " + abbreviate(hex));
    BlockHeader h = BlockHeader.fromHex(hex);
    if (!h.blockHashHex().equals(hash))
      throw new SourceException(
          what + " is block " + h.blockHashHex() + ", not the block " + hash + " asked for");
    return h;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
