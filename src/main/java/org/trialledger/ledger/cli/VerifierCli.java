package org.trialledger.ledger.cli;

/** Placeholder entry point of the offline verifier; the ledger-core work replaces it. */
public final class VerifierCli {
  private VerifierCli() {}

  public static void main(String[] args) {
    System.err.println("usage: java -jar trialledger-verifier.jar <tree-root|inclusion-proof|consistency-proof|verify> ...");
    System.exit(2);
  }
}
