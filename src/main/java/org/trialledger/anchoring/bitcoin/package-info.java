/** Bitcoin block headers (self-certifying by proof of work) and where they come from, by height. */
package org.trialledger.anchoring.bitcoin;
