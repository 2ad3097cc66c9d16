/**
 * OpenTimestamps, plain Java: a codec for {@code .ots} proofs that reads what the reference reads
 * ({@link org.trialledger.anchoring.ots.DetachedTimestampFile#parse}, {@code serialize}), immutable
 * timestamp trees, new proofs ({@link org.trialledger.anchoring.ots.StampRequest}) and offline
 * verification against Bitcoin headers ({@link org.trialledger.anchoring.ots.TimestampVerifier}).
 * The Python reference's {@code opentimestamps/core} is the spec; every proof this package accepts
 * re-serializes byte for byte, and what we build ourselves is written in the reference's canonical
 * order. The calendar protocol (network code) is in {@code anchoring.calendar}.
 */
package org.trialledger.anchoring.ots;
