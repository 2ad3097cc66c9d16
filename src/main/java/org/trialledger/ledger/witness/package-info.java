/**
 * The C2SP witness protocol as plain Java: {@code tlog-witness} requests ({@link
 * AddCheckpointRequest}), Ed25519 {@code cosignature/v1} keys and lines ({@link CosignerKey}) and
 * the witness's decision ({@link Witness}), which cosigns a checkpoint only if it is consistent
 * with the one it cosigned before. No HTTP and no files here: the offline verifier serves this.
 */
package org.trialledger.ledger.witness;
