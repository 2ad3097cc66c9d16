/**
 * What every page shares: the JSF helpers, session cookie settings, security headers, error pages.
 * Beans of a context's own pages live in that context's {@code web} package.
 */
package org.trialledger.web;
