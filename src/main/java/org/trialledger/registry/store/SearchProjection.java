package org.trialledger.registry.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.RegistrationRecord;

/**
 * The columns the public search filters and sorts on, taken from a published version's record.
 * Phases are codes even where a version recorded before they were choices says "Phase 3". The start
 * date is kept twice: as its first day for ordering and ranges, and as registered ("2027-02") for
 * display, so that no page shows a day nobody registered.
 */
public record SearchProjection(
    String publicTitle,
    String scientificTitle,
    String acronym,
    String sponsorName,
    String recruitmentStatus,
    String studyType,
    String phases,
    LocalDate startDate,
    String startDateText,
    String conditionsText,
    String interventionsText,
    String searchText,
    Set<String> countries,
    Set<String> identifiers) {

  public static SearchProjection of(RegistrationRecord r) {
    String conditions = cut(String.join("; ", r.conditions()), 4000);
    List<String> interventionNames = new ArrayList<>();
    r.interventions().forEach(i -> interventionNames.add(i.name()));
    String interventions = cut(String.join("; ", interventionNames), 4000);
    String search =
        cut(
            String.join(
                " ",
                nonNull(r.publicTitle()),
                nonNull(r.scientificTitle()),
                nonNull(r.acronym()),
                conditions,
                interventions,
                nonNull(r.primarySponsor())),
            20_000);
    Set<String> countries = new TreeSet<>(r.countries());
    r.locations()
        .forEach(
            l -> {
              if (l.country() != null) countries.add(l.country());
            });
    Set<String> identifiers = new TreeSet<>();
    addIdentifier(identifiers, r.acronym());
    r.secondaryIds().forEach(id -> addIdentifier(identifiers, id.id()));
    return new SearchProjection(
        r.publicTitle(),
        r.scientificTitle(),
        r.acronym(),
        cut(r.primarySponsor(), 300),
        r.recruitmentStatus() == null ? null : r.recruitmentStatus().name(),
        r.design() == null || r.design().studyType() == null ? null : r.design().studyType().name(),
        r.design() == null || r.design().phases().isEmpty()
            ? null
            : cut(String.join(",", CodedItems.phases(r.design().phases())), 100),
        r.firstEnrolment() == null || r.firstEnrolment().date() == null
            ? null
            : r.firstEnrolment().date().earliest(),
        r.firstEnrolment() == null || r.firstEnrolment().date() == null
            ? null
            : r.firstEnrolment().date().toString(),
        conditions,
        interventions,
        search,
        countries,
        identifiers);
  }

  /** How identifiers are kept and looked up: trimmed, upper-case, at most 200 characters. */
  public static String identifierKey(String s) {
    if (s == null || s.isBlank()) return null;
    return cut(s.strip().toUpperCase(java.util.Locale.ROOT), 200);
  }

  private static void addIdentifier(Set<String> identifiers, String s) {
    String key = identifierKey(s);
    if (key != null) identifiers.add(key);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
