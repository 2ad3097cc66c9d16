/**
 * JSF beans of the log's pages: the public log page and the administrators' full audit. Thin: they
 * call {@code log.application} and show its views, never entities or {@code log.api} classes.
 */
package org.trialledger.log.web;
