/**
 * HTTP pieces shared by the anchoring clients (calendars, time-stamping authorities); plain Java.
 */
package org.trialledger.anchoring.http;
