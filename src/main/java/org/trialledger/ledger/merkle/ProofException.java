package org.trialledger.ledger.merkle;

import org.trialledger.ledger.Hash;

/**
 * A proof that does not prove what it claims. When the failure is a root mismatch, both roots are
 * kept: the one expected and the one the proof leads to.
 */
public class ProofException extends Exception {
  private final Hash expected;
  private final Hash computed;

  public ProofException(String message) {
    this(message, null, null);
  }

  public ProofException(String message, Hash expected, Hash computed) {
    super(
        expected == null ? message : message + ": expected " + expected + ", computed " + computed);
    this.expected = expected;
    this.computed = computed;
  }

  public Hash expected() {
    return expected;
  }

  public Hash computed() {
    return computed;
  }
}
