package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialledger.platform.DatabaseProduct;
import org.trialledger.platform.PublicReads;
import org.trialledger.registry.domain.SearchWords;
import org.trialledger.registry.store.SearchProjection;

/**
 * The public registry search over published (and withdrawn) trials. A query that is a registry id,
 * a secondary id (NCT, EudraCT, a sponsor's number) or an acronym finds that trial exactly, ranked
 * first. Other free text: on PostgreSQL the full-text index ({@code websearch_to_tsquery} with the
 * 'english' configuration, so "strokes" finds "stroke") ranked by {@code ts_rank}; on the H2 demo
 * database every word's stem ({@link SearchWords}) must occur in the searchable text.
 *
 * <p>No query reads more than it shows (docs/benchmarks.md): the count stops at {@link
 * #COUNT_LIMIT} ("more than 1,000"), and pages end there too, so a broad query costs what a narrow
 * one does.
 *
 * <p>Anonymous searches may be answered by the read replica ({@link PublicReads}); a signed-in
 * sponsor sees a trial they just published at once, everyone else within the replica's lag.
 */
@ApplicationScoped
public class TrialSearch {
  public static final int MAX_PAGE = 100;

  /** Matches are counted up to this many; beyond it the total is "more than" this. */
  public static final int COUNT_LIMIT = 1000;

  private static final String SELECT =
      "SELECT t.registry_id, t.public_title, t.acronym, t.sponsor_name, t.recruitment_status, t.phases, t.start_date_text, t.registered_at,"
          + " t.conditions_text, t.status";

  @PersistenceContext private EntityManager em;
  @Inject private DatabaseProduct database;
  @Inject private PublicReads reads;

  /** A page of matches with the number of matches, counted up to {@link #COUNT_LIMIT}. */
  public SearchPage search(SearchCriteria criteria, int offset, int limit) {
    return reads.read(() -> searchIn(reads.entityManager(this.em), criteria, offset, limit));
  }

  private SearchPage searchIn(EntityManager em, SearchCriteria criteria, int offset, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, Math.min(offset, COUNT_LIMIT));
    List<Long> exact = exactMatches(em, criteria);
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(criteria, exact, params);
    Query count =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM (SELECT 1 FROM trial t"
                + where
                + " FETCH FIRST "
                + (COUNT_LIMIT + 1)
                + " ROWS ONLY) m");
    params.forEach(count::setParameter);
    long matches = ((Number) count.getSingleResult()).longValue();
    List<TrialSummary> rows = new ArrayList<>();
    if (matches > from) {
      Query select =
          em.createNativeQuery(SELECT + " FROM trial t" + where + orderBy(criteria, exact));
      params.forEach(select::setParameter);
      select.setFirstResult(from).setMaxResults(Math.min(size, COUNT_LIMIT - from));
      for (Object o : select.getResultList()) rows.add(summary((Object[]) o));
    }
    boolean exactTotal = matches <= COUNT_LIMIT;
    return new SearchPage(rows, exactTotal ? matches : COUNT_LIMIT, exactTotal, from, size);
  }

  /**
   * Published trials whose registry id, secondary id or acronym is the whole query (upper-cased).
   */
  private static List<Long> exactMatches(EntityManager em, SearchCriteria c) {
    String key = SearchProjection.identifierKey(c.text());
    if (key == null) return List.of();
    List<?> ids =
        em.createNativeQuery(
                "SELECT t.id FROM trial t WHERE t.status IN ('PUBLISHED', 'WITHDRAWN')"
                    + " AND (t.registry_id = :key OR t.id IN (SELECT i.trial_id FROM trial_identifier i WHERE i.identifier = :key))"
                    + " ORDER BY t.id FETCH FIRST 20 ROWS ONLY")
            .setParameter("key", key)
            .getResultList();
    List<Long> out = new ArrayList<>();
    for (Object id : ids) out.add(((Number) id).longValue());
    return out;
  }

  private static TrialSummary summary(Object[] r) {
    return new TrialSummary(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        instant(r[7]),
        (String) r[8],
        (String) r[9]);
  }

  private String where(SearchCriteria c, List<Long> exact, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(" WHERE t.status IN ('PUBLISHED', 'WITHDRAWN')");
    if (c.text() != null) {
      StringBuilder text = new StringBuilder();
      if (database.isPostgres()) {
        text.append("t.search_vector @@ websearch_to_tsquery('english', :q)");
        params.put("q", c.text());
      } else {
        int i = 0;
        for (String stem : SearchWords.stems(c.text())) {
          if (i > 0) text.append(" AND ");
          text.append("LOWER(t.search_text) LIKE :w").append(i);
          params.put("w" + i++, "%" + escapeLike(stem) + "%");
        }
        if (i == 0) text.append("1 = 1");
      }
      if (exact.isEmpty()) {
        sql.append(" AND ").append(text);
      } else {
        sql.append(" AND (").append(text).append(" OR t.id IN (:exact))");
        params.put("exact", exact);
      }
    }
    if (c.recruitmentStatus() != null) {
      sql.append(" AND t.recruitment_status = :status");
      params.put("status", c.recruitmentStatus());
    }
    if (c.phase() != null) {
      sql.append(" AND CONCAT(',', t.phases, ',') LIKE :phase");
      params.put("phase", "%," + escapeLike(c.phase()) + ",%");
    }
    if (c.country() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM trial_country tc WHERE tc.trial_id = t.id AND tc.country = :country)");
      params.put("country", c.country().toUpperCase(Locale.ROOT));
    }
    if (c.sponsor() != null) {
      sql.append(" AND LOWER(t.sponsor_name) LIKE :sponsor");
      params.put("sponsor", "%" + escapeLike(c.sponsor().toLowerCase(Locale.ROOT)) + "%");
    }
    if (c.startFrom() != null) {
      sql.append(" AND t.start_date >= :startFrom");
      params.put("startFrom", c.startFrom());
    }
    if (c.startTo() != null) {
      sql.append(" AND t.start_date <= :startTo");
      params.put("startTo", c.startTo());
    }
    return sql.toString();
  }

  private String orderBy(SearchCriteria c, List<Long> exact) {
    String first = exact.isEmpty() ? "" : " CASE WHEN t.id IN (:exact) THEN 0 ELSE 1 END,";
    return " ORDER BY" + first + order(c).substring(" ORDER BY".length());
  }

  private String order(SearchCriteria c) {
    switch (c.sort()) {
      case TITLE:
        return " ORDER BY t.public_title, t.id";
      case START_DATE:
        return " ORDER BY t.start_date DESC NULLS LAST, t.id DESC";
      case RELEVANCE:
        if (c.text() != null && database.isPostgres()) {
          return " ORDER BY ts_rank(t.search_vector, websearch_to_tsquery('english', :q)) DESC, t.registered_at DESC, t.id DESC";
        }
        return " ORDER BY t.registered_at DESC, t.id DESC";
      case NEWEST:
      default:
        return " ORDER BY t.registered_at DESC, t.id DESC";
    }
  }

  /**
   * Wildcards typed by a user are matched literally (the backslash is both databases' default LIKE
   * escape).
   */
  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Instant instant(Object value) {
    if (value == null) return null;
    if (value instanceof Instant i) return i;
    if (value instanceof OffsetDateTime o) return o.toInstant();
    if (value instanceof Timestamp t) return t.toInstant();
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
