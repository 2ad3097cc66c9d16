/**
 * Demo organisations, users (and, as features land, trials) for the zero-setup start. Loaded only
 * when {@code trialledger.demo.seed=true} and only into a database that has no users yet.
 */
package org.trialledger.demo;
