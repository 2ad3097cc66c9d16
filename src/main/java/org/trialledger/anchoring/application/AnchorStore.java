package org.trialledger.anchoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.anchoring.store.AnchorAttempt;
import org.trialledger.anchoring.store.AnchorCalendar;
import org.trialledger.anchoring.store.AnchorStatus;
import org.trialledger.platform.NotFoundException;

/**
 * The anchors' rows, each change its own short transaction: calendars are asked between
 * transactions, never inside one, so a slow calendar holds no database lock.
 */
@ApplicationScoped
public class AnchorStore {
  @PersistenceContext private EntityManager em;

  /** The tree size of the newest anchor, or -1. */
  @Transactional
  public long newestAnchoredSize() {
    Long max = em.createQuery("SELECT MAX(a.treeSize) FROM Anchor a", Long.class).getSingleResult();
    return max == null ? -1 : max;
  }

  @Transactional
  public Optional<Instant> lastAttemptAt() {
    return Optional.ofNullable(
        em.createQuery("SELECT MAX(a.attemptedAt) FROM AnchorAttempt a", Instant.class)
            .getSingleResult());
  }

  @Transactional
  public Anchor saveStamp(
      Anchor anchor, Map<String, String> failures, List<String> answered, Instant now) {
    em.persist(anchor);
    em.flush();
    for (String url : answered)
      em.persist(new AnchorCalendar(anchor.getId(), url, "PENDING", "Stamp accepted", now));
    failures.forEach(
        (url, message) ->
            em.persist(new AnchorCalendar(anchor.getId(), url, "FAILED", message, now)));
    em.persist(
        new AnchorAttempt(
            now,
            anchor.getTreeSize(),
            true,
            "Stamped at "
                + answered.size()
                + " calendar(s)"
                + (failures.isEmpty() ? "" : "; " + failures.size() + " failed")));
    return anchor;
  }

  @Transactional
  public void saveFailedAttempt(long treeSize, String message, Instant now) {
    em.persist(new AnchorAttempt(now, treeSize, false, message));
  }

  @Transactional
  public List<Anchor> dueForUpgrade(Instant now, boolean all) {
    String due = all ? "" : " AND (a.nextUpgradeAt IS NULL OR a.nextUpgradeAt <= :now)";
    var q =
        em.createQuery(
                "SELECT a FROM Anchor a WHERE a.status IN :open" + due + " ORDER BY a.id",
                Anchor.class)
            .setParameter("open", List.of(AnchorStatus.PENDING, AnchorStatus.UNVERIFIED));
    if (!all) q.setParameter("now", now);
    return q.getResultList();
  }

  /** Stores an upgrade's outcome, unless another instance already changed the anchor meanwhile. */
  @Transactional
  public void saveUpgrade(
      long anchorId,
      byte[] proof,
      Map<String, String[]> calendarStates,
      AnchorVerification.Outcome outcome,
      Instant now,
      Instant next) {
    Anchor anchor = em.find(Anchor.class, anchorId, LockModeType.PESSIMISTIC_WRITE);
    anchor.upgraded(proof, now, next);
    anchor.verified(
        outcome.status(), outcome.height(), outcome.blockHash(), outcome.blockTime(), now);
    anchor.confirmedBy(outcome.confirmedBy());
    calendarStates.forEach(
        (url, state) -> {
          AnchorCalendar row =
              em.createQuery(
                      "SELECT c FROM AnchorCalendar c WHERE c.anchorId = :a AND c.calendarUrl = :u",
                      AnchorCalendar.class)
                  .setParameter("a", anchorId)
                  .setParameter("u", url)
                  .getResultStream()
                  .findFirst()
                  .orElse(null);
          if (row == null) em.persist(new AnchorCalendar(anchorId, url, state[0], state[1], now));
          else row.update(state[0], state[1], now);
        });
  }

  @Transactional
  public void saveTsaToken(long anchorId, byte[] token, Instant time) {
    em.find(Anchor.class, anchorId, LockModeType.PESSIMISTIC_WRITE).timestampedByTsa(token, time);
  }

  @Transactional
  public List<Anchor> anchors(int max) {
    return em.createQuery("SELECT a FROM Anchor a ORDER BY a.id DESC", Anchor.class)
        .setMaxResults(max)
        .getResultList();
  }

  @Transactional
  public Anchor anchor(long id) {
    Anchor a = em.find(Anchor.class, id);
    if (a == null) throw new NotFoundException("There is no anchor " + id);
    return a;
  }

  /** Every anchor whose checkpoint covers a tree of at least this size, smallest first. */
  @Transactional
  public List<Anchor> covering(long treeSize) {
    return em.createQuery(
            "SELECT a FROM Anchor a WHERE a.treeSize >= :s AND a.status <> :invalid ORDER BY a.treeSize, a.id",
            Anchor.class)
        .setParameter("s", treeSize)
        .setParameter("invalid", AnchorStatus.INVALID)
        .setMaxResults(50)
        .getResultList();
  }

  @Transactional
  public List<AnchorCalendar> calendars(long anchorId) {
    return em.createQuery(
            "SELECT c FROM AnchorCalendar c WHERE c.anchorId = :a ORDER BY c.calendarUrl",
            AnchorCalendar.class)
        .setParameter("a", anchorId)
        .getResultList();
  }

  @Transactional
  public List<AnchorAttempt> recentAttempts(int max) {
    return em.createQuery(
            "SELECT a FROM AnchorAttempt a ORDER BY a.attemptedAt DESC", AnchorAttempt.class)
        .setMaxResults(max)
        .getResultList();
  }
}
