/**
 * The REST API under {@code /api}: the JAX-RS application, role checks, and the mapping of every
 * failure to an RFC 9457 problem document. Each context's resources live in that context's {@code
 * api} package.
 */
package org.trialledger.api;
