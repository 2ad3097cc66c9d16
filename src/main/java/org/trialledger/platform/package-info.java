/**
 * Infrastructure every context shares: the data source, schema migration at start-up, configuration
 * keys. Depends on nothing else of ours.
 */
package org.trialledger.platform;
