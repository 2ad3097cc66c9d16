package org.trialledger.registry.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialledger.platform.DatabaseProduct;

/**
 * The public registry search over published (and withdrawn) trials. On PostgreSQL free text uses
 * the full-text index ({@code websearch_to_tsquery}: words, "phrases", -exclusions, OR) ranked by
 * {@code ts_rank}; on the H2 demo database every word must occur in the searchable text.
 */
@ApplicationScoped
public class TrialSearch {
  public static final int MAX_PAGE = 100;
  private static final String SELECT =
      "SELECT t.registry_id, t.public_title, t.acronym, t.sponsor_name, t.recruitment_status, t.phases, t.start_date, t.registered_at,"
          + " t.conditions_text, t.status";

  @PersistenceContext private EntityManager em;
  @Inject private DatabaseProduct database;

  /**
   * Public results change only when a version is published or a trial withdrawn, and the registry
   * clears this cache then (see {@link #invalidate}); 10 s bound staleness should another instance
   * publish.
   */
  private final QueryCache cache = new QueryCache(10_000, 10_000, System::currentTimeMillis);

  @Resource private TransactionSynchronizationRegistry transactions;

  /**
   * Called when what the public sees changes: now, and again once the change is committed and
   * visible.
   */
  public void invalidate() {
    cache.clear();
    if (transactions != null && transactions.getTransactionKey() != null) {
      transactions.registerInterposedSynchronization(new ClearAfterCompletion(cache));
    }
  }

  private record ClearAfterCompletion(QueryCache cache) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      cache.clear();
    }
  }

  /** The number of trials that match. */
  public long count(SearchCriteria criteria) {
    return cache.get(List.of("count", criteria), () -> countNow(criteria));
  }

  private long countNow(SearchCriteria criteria) {
    Map<String, Object> params = new LinkedHashMap<>();
    Query count = em.createNativeQuery("SELECT COUNT(*) FROM trial t" + where(criteria, params));
    params.forEach(count::setParameter);
    return ((Number) count.getSingleResult()).longValue();
  }

  /**
   * A page of matches with the total, in one query: the window count rides along with the rows, so
   * the matches are found once instead of once for the count and once for the page.
   */
  public SearchPage search(SearchCriteria criteria, int offset, int limit) {
    return cache.get(
        List.of("page", criteria, offset, limit), () -> searchNow(criteria, offset, limit));
  }

  private SearchPage searchNow(SearchCriteria criteria, int offset, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, offset);
    Map<String, Object> params = new LinkedHashMap<>();
    Query select =
        em.createNativeQuery(
            SELECT
                + ", COUNT(*) OVER () FROM trial t"
                + where(criteria, params)
                + orderBy(criteria));
    params.forEach(select::setParameter);
    select.setFirstResult(from).setMaxResults(size);
    List<TrialSummary> rows = new ArrayList<>();
    long total = -1;
    for (Object o : select.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(summary(r));
      total = ((Number) r[10]).longValue();
    }
    if (total < 0)
      total =
          from == 0
              ? 0
              : countNow(criteria); // past the last page: the count still tells how many there are
    return new SearchPage(rows, total, from, size);
  }

  /** One page of matches, without the total. */
  public List<TrialSummary> rows(SearchCriteria criteria, int offset, int limit) {
    return cache.get(
        List.of("rows", criteria, offset, limit), () -> rowsNow(criteria, offset, limit));
  }

  private List<TrialSummary> rowsNow(SearchCriteria criteria, int offset, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, offset);
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(criteria, params);
    Query select = em.createNativeQuery(SELECT + " FROM trial t" + where + orderBy(criteria));
    params.forEach(select::setParameter);
    select.setFirstResult(from).setMaxResults(size);
    List<TrialSummary> rows = new ArrayList<>();
    for (Object o : select.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(summary(r));
    }
    return rows;
  }

  private static TrialSummary summary(Object[] r) {
    return new TrialSummary(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        date(r[6]),
        instant(r[7]),
        (String) r[8],
        (String) r[9]);
  }

  private String where(SearchCriteria c, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(" WHERE t.status IN ('PUBLISHED', 'WITHDRAWN')");
    if (c.text() != null) {
      if (database.isPostgres()) {
        sql.append(" AND t.search_vector @@ websearch_to_tsquery('english', :q)");
        params.put("q", c.text());
      } else {
        int i = 0;
        for (String word : c.text().toLowerCase(Locale.ROOT).split("\\s+")) {
          if (word.isBlank() || i == 8) continue;
          sql.append(" AND LOWER(t.search_text) LIKE :w").append(i);
          params.put("w" + i++, "%" + escapeLike(word) + "%");
        }
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

  private String orderBy(SearchCriteria c) {
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

  private static LocalDate date(Object value) {
    if (value == null) return null;
    if (value instanceof LocalDate d) return d;
    if (value instanceof Date d) return d.toLocalDate();
    throw new IllegalStateException("Unexpected date type " + value.getClass());
  }

  private static Instant instant(Object value) {
    if (value == null) return null;
    if (value instanceof Instant i) return i;
    if (value instanceof OffsetDateTime o) return o.toInstant();
    if (value instanceof Timestamp t) return t.toInstant();
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
