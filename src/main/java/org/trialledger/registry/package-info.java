/**
 * The registry: sponsors' trials, their registration records in immutable versions, documents,
 * review and publication, public search, imports and exports. Records every artifact through the
 * ledger store.
 */
package org.trialledger.registry;
