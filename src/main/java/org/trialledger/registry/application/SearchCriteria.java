package org.trialledger.registry.application;

import java.time.LocalDate;

/**
 * A public search: free text over titles, conditions, interventions and sponsor; filters; a sort
 * order. Any field may be null (no filter).
 */
public record SearchCriteria(
    String text,
    String recruitmentStatus,
    String phase,
    String country,
    String sponsor,
    LocalDate startFrom,
    LocalDate startTo,
    Sort sort) {
  public static final int TEXT_MAX = 200;

  public enum Sort {
    RELEVANCE,
    NEWEST,
    TITLE,
    START_DATE
  }

  public SearchCriteria {
    text = clean(text, TEXT_MAX);
    recruitmentStatus = clean(recruitmentStatus, 40);
    phase = clean(phase, 20);
    country = clean(country, 2);
    sponsor = clean(sponsor, 100);
    if (sort == null) sort = text == null ? Sort.NEWEST : Sort.RELEVANCE;
  }

  public static SearchCriteria all() {
    return new SearchCriteria(null, null, null, null, null, null, null, null);
  }

  private static String clean(String s, int max) {
    if (s == null || s.isBlank()) return null;
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }
}
