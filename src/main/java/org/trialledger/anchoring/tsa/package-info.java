/**
 * RFC 3161 timestamps from a configurable Time-Stamp Authority, plain Java + Bouncy Castle: the
 * optional second time anchor of a checkpoint beside OpenTimestamps. {@link
 * org.trialledger.anchoring.tsa.TsaClient} requests a token over a SHA-256 digest and checks it
 * answers that request; the caller stores {@link
 * org.trialledger.anchoring.tsa.TimestampToken#encoded()} (DER, what {@code openssl ts -verify
 * -token_in} reads); {@link org.trialledger.anchoring.tsa.TimestampTokenVerifier} later checks the
 * stored bytes against the digest and a trusted TSA certificate or root, offline, and yields the
 * attested genTime.
 */
package org.trialledger.anchoring.tsa;
