/**
 * Where the server gets Bitcoin block headers: Bitcoin Core's JSON-RPC, Esplora's REST API and a
 * headers file, asked together, every answer validated against the trusted headers by Bitcoin's
 * header rules and accepted only when enough sources agree ({@link
 * org.trialledger.anchoring.headersource.HeaderQuorum}). Plain Java over {@code java.net.http}.
 */
package org.trialledger.anchoring.headersource;
