package org.trialledger.registry.application;

import java.util.List;

/**
 * A page of search results and the number of matches: exact when {@code totalExact}, otherwise
 * "more than" {@code total} ({@link TrialSearch#COUNT_LIMIT}).
 */
public record SearchPage(
    List<TrialSummary> rows, long total, boolean totalExact, int offset, int limit) {}
