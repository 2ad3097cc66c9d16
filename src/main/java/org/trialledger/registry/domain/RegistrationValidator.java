package org.trialledger.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Checks a registration record. {@link #checkDraft} finds what is malformed (too long, not a
 * country, not an e-mail, dates in the wrong order); {@link #checkPublishable} adds what the WHO
 * data set requires before a trial may be published. Messages name the field and say what to do.
 * Lengths are those of the form's field catalogue, {@link FieldLabels#max}.
 */
public final class RegistrationValidator {
  static final int LIST_MAX = 200;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern AGE =
      Pattern.compile("\\d{1,3} (Years|Months|Weeks|Days|Hours|Minutes)");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private RegistrationValidator() {}

  public static List<FieldError> checkDraft(RegistrationRecord r) {
    Errors e = new Errors();
    e.list.addAll(PlainText.check(r));
    for (CodedItems.Unmapped u : CodedItems.notCodes(r)) e.add(u.path(), notACode(u));
    e.maxLength("publicTitle", r.publicTitle());
    e.maxLength("scientificTitle", r.scientificTitle());
    e.maxLength("acronym", r.acronym());
    e.maxLength("primarySponsor", r.primarySponsor());
    e.maxLength("briefSummary", r.briefSummary());
    e.maxLength("detailedDescription", r.detailedDescription());
    e.list(
        "secondaryIds",
        r.secondaryIds(),
        (path, s) -> {
          e.required(path + ".id", s.id(), "Give the identifier");
          e.maxLength(path + ".id", s.id());
          e.maxLength(path + ".issuer", s.issuer());
        });
    e.list("fundingSources", r.fundingSources(), (path, s) -> e.maxLength(path, s));
    e.list("secondarySponsors", r.secondarySponsors(), (path, s) -> e.maxLength(path, s));
    contact(e, "publicContact", r.publicContact());
    contact(e, "scientificContact", r.scientificContact());
    e.list(
        "countries",
        r.countries(),
        (path, c) -> {
          if (c == null || !COUNTRIES.contains(c))
            e.add(path, "Use a two-letter ISO 3166 country code such as DE");
        });
    e.list("conditions", r.conditions(), (path, c) -> e.maxLength(path, c));
    e.list(
        "interventions",
        r.interventions(),
        (path, i) -> {
          e.required(path + ".name", i.name(), "Name the intervention");
          e.maxLength(path + ".name", i.name());
          e.maxLength(path + ".type", i.type());
          e.maxLength(path + ".description", i.description());
        });
    if (r.eligibility() != null) {
      RegistrationRecord.Eligibility el = r.eligibility();
      e.maxLength("eligibility.inclusionCriteria", el.inclusionCriteria());
      e.maxLength("eligibility.exclusionCriteria", el.exclusionCriteria());
      e.maxLength("eligibility.criteriaText", el.criteriaText());
      age(e, "eligibility.minimumAge", el.minimumAge());
      age(e, "eligibility.maximumAge", el.maximumAge());
    }
    e.list("primaryOutcomes", r.primaryOutcomes(), (path, o) -> outcome(e, path, o));
    e.list("secondaryOutcomes", r.secondaryOutcomes(), (path, o) -> outcome(e, path, o));
    e.list(
        "arms",
        r.arms(),
        (path, a) -> {
          e.required(path + ".label", a.label(), "Give the arm a label");
          e.maxLength(path + ".label", a.label());
          e.maxLength(path + ".description", a.description());
        });
    e.list(
        "locations",
        r.locations(),
        (path, l) -> {
          e.maxLength(path + ".facility", l.facility());
          e.maxLength(path + ".city", l.city());
          if (l.country() != null && !COUNTRIES.contains(l.country()))
            e.add(path + ".country", "Use a two-letter ISO 3166 country code");
        });
    if (r.enrolment() != null
        && r.enrolment().count() != null
        && (r.enrolment().count() < 0
            || r.enrolment().count() > FieldLabels.max("enrolment.count"))) {
      e.add("enrolment.count", "Enrolment must be between 0 and 10,000,000");
    }
    date(e, "firstEnrolment.date", r.firstEnrolment());
    date(e, "primaryCompletion.date", r.primaryCompletion());
    date(e, "completion.date", r.completion());
    if (r.firstEnrolment() != null
        && r.completion() != null
        && r.firstEnrolment().date() != null
        && r.completion().date() != null
        && r.completion().date().compareTo(r.firstEnrolment().date()) < 0) {
      e.add("completion.date", "The completion date cannot be before the first enrolment");
    }
    if (r.ethicsReview() != null) {
      e.maxLength("ethicsReview.committeeName", r.ethicsReview().committeeName());
      e.maxLength("ethicsReview.committeeContact", r.ethicsReview().committeeContact());
    }
    if (r.ipdSharing() != null) e.maxLength("ipdSharing.description", r.ipdSharing().description());
    return e.list;
  }

  /** Draft checks plus the items the WHO data set requires of a published registration. */
  public static List<FieldError> checkPublishable(RegistrationRecord r) {
    Errors e = new Errors();
    e.list.addAll(checkDraft(r));
    e.required("publicTitle", r.publicTitle(), "A public title is required");
    e.required("scientificTitle", r.scientificTitle(), "A scientific title is required");
    e.required("primarySponsor", r.primarySponsor(), "Name the primary sponsor");
    if (r.fundingSources().isEmpty())
      e.add("fundingSources", "Name at least one source of funding or support");
    if (r.publicContact() == null
        || blank(r.publicContact().email()) && blank(r.publicContact().phone())) {
      e.add("publicContact", "Give a contact for public queries with an e-mail or a phone number");
    }
    if (r.scientificContact() == null
        || blank(r.scientificContact().email()) && blank(r.scientificContact().phone())) {
      e.add(
          "scientificContact",
          "Give a contact for scientific queries with an e-mail or a phone number");
    }
    if (r.countries().isEmpty()) e.add("countries", "Name at least one country of recruitment");
    if (r.conditions().isEmpty()) e.add("conditions", "Name at least one health condition studied");
    if (r.interventions().isEmpty()) e.add("interventions", "Describe at least one intervention");
    if (r.eligibility() == null
        || blank(r.eligibility().inclusionCriteria()) && blank(r.eligibility().criteriaText())) {
      e.add("eligibility.inclusionCriteria", "State the key inclusion criteria");
    }
    if (r.design() == null || r.design().studyType() == null)
      e.add("design.studyType", "Choose the study type");
    if (r.firstEnrolment() == null || r.firstEnrolment().date() == null)
      e.add("firstEnrolment.date", "Give the date of first enrolment");
    if (r.enrolment() == null || r.enrolment().count() == null)
      e.add("enrolment.count", "Give the target sample size");
    if (r.recruitmentStatus() == null) e.add("recruitmentStatus", "Choose the recruitment status");
    if (r.primaryOutcomes().isEmpty())
      e.add("primaryOutcomes", "Register at least one primary outcome with its time frame");
    if (r.ethicsReview() == null || r.ethicsReview().status() == null)
      e.add("ethicsReview.status", "Give the status of ethics review");
    if (r.ipdSharing() == null || r.ipdSharing().plan() == null)
      e.add("ipdSharing.plan", "State whether individual participant data will be shared");
    return e.list;
  }

  /** Names the code the text means, when it means one, so that an API client can correct it. */
  private static String notACode(CodedItems.Unmapped u) {
    String shown = u.value().length() > 60 ? u.value().substring(0, 60) + "…" : u.value();
    var code =
        u.vocabulary() == Vocabulary.PHASE
            ? Vocabulary.phaseCodes(u.value()).map(c -> String.join(", ", c))
            : u.vocabulary().code(u.value());
    return code.map(c -> "Choose from the list: \"" + shown + "\" is written " + c)
        .orElse(
            "Choose from the list: \""
                + shown
                + "\" is not one of "
                + String.join(", ", u.vocabulary().labels().keySet()));
  }

  private static void contact(Errors e, String path, RegistrationRecord.Contact c) {
    if (c == null) return;
    e.maxLength(path + ".name", c.name());
    e.maxLength(path + ".affiliation", c.affiliation());
    e.maxLength(path + ".phone", c.phone());
    e.maxLength(path + ".address", c.address());
    if (!blank(c.email())
        && (c.email().length() > FieldLabels.max(path + ".email")
            || !EMAIL.matcher(c.email()).matches())) {
      e.add(path + ".email", "Not a valid e-mail address");
    }
  }

  private static void outcome(Errors e, String path, RegistrationRecord.Outcome o) {
    e.required(path + ".measure", o.measure(), "Name the outcome measure");
    e.maxLength(path + ".measure", o.measure());
    e.maxLength(path + ".timeFrame", o.timeFrame());
    e.maxLength(path + ".description", o.description());
  }

  private static void age(Errors e, String path, String age) {
    if (!blank(age) && !AGE.matcher(age).matches())
      e.add(path, "Write an age as a number and a unit, e.g. 18 Years");
  }

  private static void date(Errors e, String path, RegistrationRecord.DatedEvent event) {
    if (event == null || event.date() == null) return;
    LocalDate d = event.date().earliest();
    if (d.isBefore(EARLIEST) || d.isAfter(LocalDate.now().plusYears(50)))
      e.add(path, "The date " + event.date() + " is not plausible");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static final class Errors {
    final List<FieldError> list = new ArrayList<>();

    void add(String field, String message) {
      list.add(new FieldError(field, message));
    }

    void required(String field, String value, String message) {
      if (blank(value)) add(field, message);
    }

    void maxLength(String field, String value) {
      int max = FieldLabels.max(field);
      if (max > 0 && value != null && value.length() > max)
        add(field, "At most " + max + " characters (" + value.length() + " given)");
    }

    <T> void list(String field, List<T> items, BiConsumer<String, T> each) {
      if (items.size() > LIST_MAX) {
        add(field, "At most " + LIST_MAX + " entries");
        return;
      }
      for (int i = 0; i < items.size(); i++) {
        T item = items.get(i);
        if (item == null) add(field + "[" + i + "]", "Empty entry");
        else each.accept(field + "[" + i + "]", item);
      }
    }
  }
}
