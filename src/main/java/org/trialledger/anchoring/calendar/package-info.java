/**
 * The OpenTimestamps calendar client (network code): submits digests to the configured calendars,
 * upgrades pending proofs, and only talks to calendars on the allow-list. Kept apart from the
 * plain-Java {@code anchoring.ots} codec so the offline verifier jar holds no network code. Uses
 * {@code anchoring.ots} and {@code anchoring.http}.
 */
package org.trialledger.anchoring.calendar;
