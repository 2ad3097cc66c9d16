package org.trialledger.log.api;

import java.util.List;

/**
 * A proof as hex hashes in RFC 9162 order. For inclusion {@code first} is the leaf index and {@code
 * second} the tree size; for consistency they are the old and the new size.
 */
public record ProofView(
    String type, long first, long second, String rootHash, List<String> hashes) {}
