package org.trialledger.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.trialledger.audit.domain.AuditFilter;
import org.trialledger.audit.store.AuditEvent;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;

/** Reads the audit trail, newest first, filtered. */
@ApplicationScoped
public class AuditQueries {
  @PersistenceContext private EntityManager em;

  public List<AuditEvent> page(AuditFilter filter, int first, int max) {
    return query(filter).setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** All matching records, oldest first, streamed (for exports of any size). */
  public Stream<AuditEvent> stream(AuditFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> q = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> e = q.from(AuditEvent.class);
    q.where(predicates(cb, e, filter)).orderBy(cb.asc(e.get("id")));
    return em.createQuery(q).getResultStream();
  }

  /** The filtered trail, oldest first, for an export: regulators and administrators only. */
  @Transactional
  public List<AuditEvent> export(Caller caller, AuditFilter filter) {
    if (!caller.is(Role.REGULATOR) && !caller.is(Role.ADMIN)) {
      throw new AccessDeniedException("Only regulators and administrators read the audit trail");
    }
    // Materialised inside the transaction; streaming JPA results past it is not portable.
    return stream(filter).toList();
  }

  public long count(AuditFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<AuditEvent> e = q.from(AuditEvent.class);
    q.select(cb.count(e)).where(predicates(cb, e, filter));
    return em.createQuery(q).getSingleResult();
  }

  private TypedQuery<AuditEvent> query(AuditFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> q = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> e = q.from(AuditEvent.class);
    q.where(predicates(cb, e, filter)).orderBy(cb.desc(e.get("id")));
    return em.createQuery(q);
  }

  private static Predicate[] predicates(CriteriaBuilder cb, Root<AuditEvent> e, AuditFilter f) {
    List<Predicate> p = new ArrayList<>();
    if (notBlank(f.actor())) p.add(cb.equal(e.get("actor"), f.actor().strip()));
    if (notBlank(f.action())) {
      // Part of the action's name, in any case: "login" finds LOGIN, LOGIN_FAILED, …
      String part = f.action().strip().toUpperCase(Locale.ROOT);
      p.add(cb.like(cb.upper(e.get("action")), "%" + escapeLike(part) + "%", '\\'));
    }
    if (notBlank(f.objectType())) p.add(cb.equal(e.get("objectType"), f.objectType().strip()));
    if (notBlank(f.objectId())) p.add(cb.equal(e.get("objectId"), f.objectId().strip()));
    if (f.from() != null) p.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), f.from()));
    if (f.to() != null) p.add(cb.lessThan(e.get("occurredAt"), f.to()));
    return p.toArray(Predicate[]::new);
  }

  /** The pattern for a literal text: % and _ (as in LOGIN_FAILED) match only themselves. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
