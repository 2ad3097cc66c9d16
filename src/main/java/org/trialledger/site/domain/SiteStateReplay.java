package org.trialledger.site.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialledger.ledger.json.JsonParser;

/**
 * The sites' state recomputed from what the log holds, compared with the tables: which sites are
 * activated for which trial (and with which principal investigator), which subjects were enrolled
 * where, which were erased on request, and which subject owns each record. Transitions are the
 * audit records written, and entered in the ledger, with each change; a record's owner is the
 * subject its own committed JSON names. Plain Java, tested without a server.
 */
public final class SiteStateReplay {
  private static final String SUBJECT = "subject ";
  private static final String PI = " (PI ";
  private static final String COMMITTED = " (named in the record's committed JSON)";

  private SiteStateReplay() {}

  public enum Step {
    SITE_ACTIVATED,
    SUBJECT_ENROLLED,
    SUBJECT_ERASED
  }

  /**
   * One transition; {@code evidence} is the id of the audit record it was read from, {@code
   * actorOrganisationId} the organisation that made it (the site, for an enrolment), {@code text}
   * its recorded value ("St. Mary's (PI Dr. A)", "subject S-…"), {@code reason} the reason given
   * (an erasure request's reference).
   */
  public record Transition(
      long evidence,
      String registryId,
      Step step,
      Long actorOrganisationId,
      String text,
      String reason) {}

  public record StoredActivation(
      String registryId, long siteOrganisationId, String siteName, String principalInvestigator) {}

  /** A subject; {@code keepsDetails} if sealed details or their wrapped key are still stored. */
  public record StoredSubject(
      long id,
      String registryId,
      long siteOrganisationId,
      String pseudonym,
      String erasedAt,
      boolean keepsDetails) {}

  /** A site record; {@code recordJson} is null once erased. */
  public record StoredRecord(
      long id, String kind, String recordKey, int version, long subjectId, String recordJson) {}

  /** One disagreement; {@code erasure} for an erasure without its request. */
  public record Finding(
      boolean erasure, String where, String field, String expected, String found) {}

  /** How an enrolment or an erasure names its subject in its audit record. */
  public static String subjectText(String pseudonym) {
    return SUBJECT + pseudonym;
  }

  /** How an activation names its site and principal investigator in its audit record. */
  public static String activationText(String siteName, String principalInvestigator) {
    return siteName + PI + principalInvestigator + ")";
  }

  /**
   * The pseudonym an enrolment or erasure names, normalised as the application reads it (an
   * administrator may have typed it in lower case); empty if the text names none.
   */
  public static Optional<String> namedSubject(String text) {
    if (text == null || !text.startsWith(SUBJECT)) return Optional.empty();
    String p = text.substring(SUBJECT.length());
    return Optional.of(Pseudonym.isValid(p) ? Pseudonym.parse(p).value() : p);
  }

  /**
   * Whether an erasure's audit record is a request: it names a subject and gives the request's
   * reference as its reason.
   */
  public static boolean isRequest(String newValue, String reason) {
    return namedSubject(newValue).isPresent() && reason != null && !reason.isBlank();
  }

  public static Optional<Transition> read(
      long evidence,
      String action,
      String registryId,
      Long actorOrganisationId,
      String newValue,
      String reason) {
    try {
      return Optional.of(
          new Transition(
              evidence, registryId, Step.valueOf(action), actorOrganisationId, newValue, reason));
    } catch (IllegalArgumentException notAStep) {
      return Optional.empty();
    }
  }

  /** Activations and subjects against the log, then each record's owner. */
  public static List<Finding> compare(
      List<Transition> transitions,
      List<StoredActivation> activations,
      List<StoredSubject> subjects,
      List<StoredRecord> records) {
    List<Finding> out = compare(transitions, activations, subjects);
    out.addAll(compareOwners(records, subjects));
    return out;
  }

  /** Activations and subjects against the log. */
  public static List<Finding> compare(
      List<Transition> transitions,
      List<StoredActivation> activations,
      List<StoredSubject> subjects) {
    List<Finding> out = new ArrayList<>();
    compareActivations(of(transitions, Step.SITE_ACTIVATED), activations, out);
    compareSubjects(transitions, subjects, out);
    return out;
  }

  /**
   * Each record's owner against the subject its committed JSON names; records may come in pages,
   * the subjects are all of them.
   */
  public static List<Finding> compareOwners(
      List<StoredRecord> records, List<StoredSubject> subjects) {
    Map<Long, StoredSubject> byId = new HashMap<>();
    for (StoredSubject s : subjects) byId.put(s.id(), s);
    List<Finding> out = new ArrayList<>();
    compareOwners(records, byId, out);
    return out;
  }

  private static List<Transition> of(List<Transition> all, Step step) {
    return all.stream().filter(t -> t.step() == step).toList();
  }

  private static void compareActivations(
      List<Transition> activated, List<StoredActivation> stored, List<Finding> out) {
    List<Transition> unmatched = new ArrayList<>(activated);
    for (StoredActivation a : stored) {
      String where =
          "site "
              + a.siteName()
              + " (organisation "
              + a.siteOrganisationId()
              + ") for trial "
              + a.registryId();
      Optional<Transition> t =
          unmatched.stream()
              .filter(x -> x.registryId().equals(a.registryId()))
              .filter(x -> x.text() != null && x.text().startsWith(a.siteName() + PI))
              .findFirst();
      if (t.isEmpty()) {
        out.add(
            new Finding(
                false,
                where,
                "site_activation",
                "no activation (the log never activated it)",
                "activated"));
        continue;
      }
      unmatched.remove(t.get());
      String want = activationText(a.siteName(), a.principalInvestigator());
      if (!t.get().text().equals(want)) {
        out.add(
            new Finding(
                false,
                where,
                "principal_investigator",
                "\"" + t.get().text() + "\" (audit record " + t.get().evidence() + ")",
                "\"" + want + "\""));
      }
    }
    for (Transition t : unmatched) {
      out.add(
          new Finding(
              false,
              "activation \"" + t.text() + "\" for trial " + t.registryId(),
              "site_activation",
              "activated (audit record " + t.evidence() + ")",
              "none"));
    }
  }

  private static void compareSubjects(
      List<Transition> transitions, List<StoredSubject> subjects, List<Finding> out) {
    Map<String, Transition> enrolled = new HashMap<>();
    Map<String, Transition> erased = new HashMap<>();
    for (Transition t : transitions) {
      Optional<String> named = namedSubject(t.text());
      if (named.isEmpty()) continue;
      String pseudonym = named.get();
      if (t.step() == Step.SUBJECT_ENROLLED) enrolled.putIfAbsent(pseudonym, t);
      if (t.step() == Step.SUBJECT_ERASED && isRequest(t.text(), t.reason()))
        erased.putIfAbsent(pseudonym, t);
    }
    for (StoredSubject s : subjects) {
      String where = "subject " + s.pseudonym() + " (id " + s.id() + ")";
      Transition e = enrolled.remove(s.pseudonym());
      if (e == null) {
        out.add(
            new Finding(
                false,
                where,
                "row",
                "no subject (the log never enrolled it)",
                "enrolled in trial " + s.registryId()));
      } else {
        if (!e.registryId().equals(s.registryId()))
          out.add(
              new Finding(
                  false,
                  where,
                  "trial_id",
                  e.registryId() + " (audit record " + e.evidence() + ")",
                  s.registryId()));
        if (e.actorOrganisationId() == null || e.actorOrganisationId() != s.siteOrganisationId())
          out.add(
              new Finding(
                  false,
                  where,
                  "site_organisation_id",
                  e.actorOrganisationId() + " (audit record " + e.evidence() + ")",
                  String.valueOf(s.siteOrganisationId())));
      }
      Transition request = erased.get(s.pseudonym());
      if (s.erasedAt() != null && request == null) {
        out.add(
            new Finding(
                true,
                where,
                "erased_at",
                "an erasure request in the log (the administrator's audit record with its reference)",
                "erased at " + s.erasedAt() + " without one"));
      } else if (s.erasedAt() != null && s.keepsDetails()) {
        out.add(
            new Finding(
                false,
                where,
                "sealed_details",
                "destroyed by the erasure (audit record " + request.evidence() + ")",
                "still stored"));
      } else if (s.erasedAt() == null && request != null) {
        out.add(
            new Finding(
                false,
                where,
                "erased_at",
                "erased (audit record " + request.evidence() + ")",
                "not erased"));
      }
    }
    enrolled.forEach(
        (pseudonym, t) ->
            out.add(
                new Finding(
                    false,
                    "subject " + pseudonym,
                    "row",
                    "enrolled in trial " + t.registryId() + " (audit record " + t.evidence() + ")",
                    "none")));
  }

  /** The subject a record's committed JSON names must be the subject that holds it. */
  private static void compareOwners(
      List<StoredRecord> records, Map<Long, StoredSubject> subjects, List<Finding> out) {
    for (StoredRecord r : records) {
      if (r.recordJson() == null) continue; // erased: the content phase judges its erasure
      String where = "site record " + r.id() + " (" + r.kind() + " " + r.recordKey() + ")";
      Map<?, ?> json;
      try {
        json = (Map<?, ?>) JsonParser.parse(r.recordJson());
      } catch (RuntimeException malformed) {
        continue; // no longer its committed JSON: the content phase names it
      }
      StoredSubject owner = subjects.get(r.subjectId());
      String named = String.valueOf(json.get("subject"));
      if (owner == null) {
        out.add(
            new Finding(
                false, where, "subject_id", "subject " + named, "no subject " + r.subjectId()));
        continue;
      }
      if (!named.equals(owner.pseudonym()))
        out.add(
            new Finding(
                false,
                where,
                "subject_id",
                "subject " + named + " (named in the record's committed JSON)",
                "subject " + owner.pseudonym()));
      if (!String.valueOf(json.get("trialId")).equals(owner.registryId()))
        out.add(
            new Finding(
                false,
                where,
                "trial",
                json.get("trialId") + " (named in the record's committed JSON)",
                owner.registryId()));
      if (!String.valueOf(json.get("siteId")).equals("SITE-" + owner.siteOrganisationId()))
        out.add(
            new Finding(
                false,
                where,
                "site",
                json.get("siteId") + " (named in the record's committed JSON)",
                "SITE-" + owner.siteOrganisationId()));
      compareIdentity(where, r, json, out);
    }
  }

  /**
   * The kind, key and version a record is filed under (what decides which version is current) must
   * be the ones its committed JSON states.
   */
  private static void compareIdentity(
      String where, StoredRecord r, Map<?, ?> json, List<Finding> out) {
    String kind =
        switch (String.valueOf(json.get("schema"))) {
          case ConsentRecord.SCHEMA -> "CONSENT";
          case ResultRecord.SCHEMA -> "RESULT";
          case AdverseEventRecord.SCHEMA -> "ADVERSE_EVENT";
          default -> null;
        };
    if (kind != null && !kind.equals(r.kind()))
      out.add(new Finding(false, where, "kind", kind + COMMITTED, r.kind()));
    String key = null;
    if ("ADVERSE_EVENT".equals(kind) && json.get("eventId") != null)
      key = String.valueOf(json.get("eventId"));
    if ("RESULT".equals(kind) && json.get("outcomeIndex") instanceof Number n)
      key = (json.get("visit") == null ? "" : json.get("visit")) + "|" + n.longValue();
    if (key != null && !key.equals(r.recordKey()))
      out.add(new Finding(false, where, "record_key", key + COMMITTED, r.recordKey()));
    if (json.get("version") instanceof Number v && v.longValue() != r.version())
      out.add(
          new Finding(
              false, where, "version", v.longValue() + COMMITTED, String.valueOf(r.version())));
  }
}
