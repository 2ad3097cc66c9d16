/**
 * The log's services: the recorder other contexts call in their own transactions, the integrator,
 * the log key and signer, proof bundles, the full audit and its jobs, and the views pages and
 * resources show. The only users of {@code log.store}; may use {@code log.domain}, the {@code
 * ledger} core and {@code platform}.
 */
package org.trialledger.log.application;
