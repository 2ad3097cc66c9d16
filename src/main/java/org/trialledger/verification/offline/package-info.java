/**
 * The offline verifier ({@code java -jar trialledger-verifier.jar}): its command line,
 * inspection-package checks, the witness a regulator runs (JDK HTTP server, state on disk) and the
 * OpenTimestamps check of a bundle's checkpoint against Bitcoin block headers the user trusts.
 * Plain Java; may use only the {@code ledger} core, {@code anchoring.ots} and {@code
 * anchoring.bitcoin}, since the verifier jar holds nothing else.
 */
package org.trialledger.verification.offline;
