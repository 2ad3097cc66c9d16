package org.trialledger.registry.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialledger.registry.application.SearchCriteria;
import org.trialledger.registry.application.SearchPage;
import org.trialledger.registry.application.TrialSearch;
import org.trialledger.registry.application.TrialSummary;

/**
 * The public search page: a GET form, so every search and every page of results is a bookmarkable
 * URL and an anonymous visitor's request keeps no session or view state. Values that cannot be used
 * (a date that is not YYYY-MM-DD, a country that is not a code) are named at their field and the
 * search is not run, rather than the filter being dropped silently.
 */
@Named
@RequestScoped
public class RegistrySearchBacking {
  static final int PAGE_SIZE = 20;

  @Inject private TrialSearch search;

  private String text, recruitmentStatus, phase, country, sponsor, sort, from, to, page;
  private final Map<String, String> errors = new LinkedHashMap<>();
  private SearchPage results;
  private int pageNumber = 1;

  /**
   * Runs the search for the URL's parameters (a view action). The parameters are read here rather
   * than by nine {@code f:viewParam}s: each was a component decoded, validated and written into
   * this bean through its proxy on every request, and they made JSF build the page's metadata apart
   * from the page (docs/benchmarks.md, "Where the page's time went").
   */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Map<String, String> p = faces.getExternalContext().getRequestParameterMap();
    text = parameter(p, "q");
    recruitmentStatus = parameter(p, "status");
    phase = parameter(p, "phase");
    country = parameter(p, "country");
    sponsor = parameter(p, "sponsor");
    from = parameter(p, "from");
    to = parameter(p, "to");
    sort = parameter(p, "sort");
    page = parameter(p, "page");
    // nothing on this page for anonymous visitors posts back: keep no view state for them
    if (faces.getExternalContext().getUserPrincipal() == null) {
      faces.getViewRoot().setTransient(true);
    }
    LocalDate startFrom = date("from", from);
    LocalDate startTo = date("to", to);
    if (startFrom != null && startTo != null && startTo.isBefore(startFrom)) {
      errors.put("to", "Must not be before “Started from”");
    }
    if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
      errors.put("country", "Choose a country from the list");
    }
    SearchCriteria.Sort order = null;
    if (sort != null && !sort.isBlank()) {
      try {
        order = SearchCriteria.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("sort", "Choose an order from the list");
      }
    }
    int maxPage = TrialSearch.COUNT_LIMIT / PAGE_SIZE;
    if (page != null && !page.isBlank()) {
      try {
        pageNumber = Integer.parseInt(page.strip());
        if (pageNumber < 1 || pageNumber > maxPage) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        pageNumber = 1;
        errors.put("page", "Pages run from 1 to " + maxPage + "; refine the search to see more");
      }
    }
    if (!errors.isEmpty()) return;
    SearchCriteria criteria =
        new SearchCriteria(
            text, recruitmentStatus, phase, country, sponsor, startFrom, startTo, order);
    results = search.search(criteria, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  /** A parameter as a view parameter had it: an empty value is none. */
  private static String parameter(Map<String, String> parameters, String name) {
    String v = parameters.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  private LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "“" + value.strip() + "” is not a date: write it as YYYY-MM-DD");
      return null;
    }
  }

  public boolean isSearched() {
    return results != null;
  }

  public List<TrialSummary> getRows() {
    return results == null ? List.of() : results.rows();
  }

  /** "1 trial", "37 trials", "more than 1,000 trials". */
  public String getSummary() {
    if (results == null) return "";
    long n = results.total();
    if (!results.totalExact()) return String.format(Locale.ROOT, "More than %,d trials", n);
    if (n == 0) return "No published trial matches.";
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "trial" : "trials");
  }

  public int getPageNumber() {
    return pageNumber;
  }

  public int getPageCount() {
    if (results == null || results.total() == 0) return 1;
    return (int) ((results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public boolean isHasPrevious() {
    return pageNumber > 1;
  }

  public boolean isHasNext() {
    return pageNumber < getPageCount();
  }

  /**
   * The result cards as HTML, escaped ({@link ResultCards}): one component for the whole list
   * instead of a {@code ui:repeat} of a dozen per card (docs/benchmarks.md, "Where the page's time
   * went").
   */
  public String getCards() {
    return ResultCards.html(
        getRows(), FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
  }

  /** This search's URL (relative to the page) at another page of results. */
  public String pageLink(int n) {
    StringBuilder q = new StringBuilder("?");
    param(q, "q", text);
    param(q, "status", recruitmentStatus);
    param(q, "phase", phase);
    param(q, "country", country);
    param(q, "sponsor", sponsor);
    param(q, "from", from);
    param(q, "to", to);
    param(q, "sort", sort);
    q.append("page=").append(n);
    return q.toString();
  }

  private static void param(StringBuilder q, String name, String value) {
    if (filled(value)) {
      q.append(name)
          .append('=')
          .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8))
          .append('&');
    }
  }

  /**
   * The messages by field ({@code #{registrySearchBacking.errors.from}}): a map's entries resolve
   * without the reflective method lookup that EL makes for every call with arguments.
   */
  public Map<String, String> getErrors() {
    return Collections.unmodifiableMap(errors);
  }

  public boolean isInvalid() {
    return !errors.isEmpty();
  }

  /** Filters open on first sight when one is set or wrong; otherwise folded (phones). */
  public boolean isFiltersOpen() {
    return !errors.isEmpty()
        || filled(recruitmentStatus)
        || filled(phase)
        || filled(country)
        || filled(sponsor)
        || filled(from)
        || filled(to)
        || filled(sort);
  }

  private static boolean filled(String s) {
    return s != null && !s.isBlank();
  }

  public String getText() {
    return text;
  }

  public String getRecruitmentStatus() {
    return recruitmentStatus;
  }

  public String getPhase() {
    return phase;
  }

  public String getCountry() {
    return country;
  }

  public String getSponsor() {
    return sponsor;
  }

  public String getSort() {
    return sort;
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public String getPage() {
    return page;
  }
}
