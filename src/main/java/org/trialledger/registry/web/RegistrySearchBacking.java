package org.trialledger.registry.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.trialledger.registry.application.SearchCriteria;
import org.trialledger.registry.application.TrialSearch;
import org.trialledger.registry.application.TrialSummary;

/**
 * The public search page: the criteria (also bookmarkable as URL parameters) and a lazily paged
 * table.
 */
@Named
@ViewScoped
public class RegistrySearchBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private transient TrialSearch search;

  private String text, recruitmentStatus, phase, country, sponsor, sort;
  private LocalDate startFrom, startTo;
  private final Results results = new Results();

  /** A new search starts on its first page. */
  public void firstPage() {
    var table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("search:results");
    if (table != null) table.setFirst(0);
  }

  public LazyDataModel<TrialSummary> getResults() {
    return results;
  }

  SearchCriteria criteria() {
    SearchCriteria.Sort order = null;
    if (sort != null && !sort.isBlank()) {
      try {
        order = SearchCriteria.Sort.valueOf(sort);
      } catch (IllegalArgumentException ignored) {
        // an edited URL: fall back to the default order
      }
    }
    return new SearchCriteria(
        text, recruitmentStatus, phase, country, sponsor, startFrom, startTo, order);
  }

  /** Pages through the search: PrimeFaces asks for the count and the page separately. */
  private final class Results extends LazyDataModel<TrialSummary> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, search.count(criteria()));
    }

    @Override
    public List<TrialSummary> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return search.rows(criteria(), first, pageSize);
    }

    @Override
    public String getRowKey(TrialSummary row) {
      return row.registryId();
    }

    @Override
    public TrialSummary getRowData(String rowKey) {
      return null;
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String v) {
    text = v;
  }

  public String getRecruitmentStatus() {
    return recruitmentStatus;
  }

  public void setRecruitmentStatus(String v) {
    recruitmentStatus = v;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String v) {
    phase = v;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String v) {
    country = v;
  }

  public String getSponsor() {
    return sponsor;
  }

  public void setSponsor(String v) {
    sponsor = v;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String v) {
    sort = v;
  }

  public LocalDate getStartFrom() {
    return startFrom;
  }

  public void setStartFrom(LocalDate v) {
    startFrom = v;
  }

  public LocalDate getStartTo() {
    return startTo;
  }

  public void setStartTo(LocalDate v) {
    startTo = v;
  }
}
