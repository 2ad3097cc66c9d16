package org.trialledger.registry.application;

import java.util.List;

/** A page of search results and the total number of matches. */
public record SearchPage(List<TrialSummary> rows, long total, int offset, int limit) {}
