package org.trialledger.audit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.trialledger.audit.application.AuditQueries;
import org.trialledger.audit.domain.AuditFilter;
import org.trialledger.audit.store.AuditEvent;

/** The audit trail page: filters, a lazily paged table, and a CSV export of what is filtered. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private AuditQueries queries;

  private String actor;
  private String action;
  private String objectType;
  private String objectId;
  private LocalDate from;
  private LocalDate to;

  private final LazyDataModel<AuditEvent> events =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, queries.count(filter()));
        }

        @Override
        public List<AuditEvent> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return queries.page(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
          return String.valueOf(event.getId());
        }
      };

  AuditFilter filter() {
    return new AuditFilter(
        actor,
        action,
        objectType,
        objectId,
        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The CSV export of the current filter (dates as whole UTC days, "to" inclusive). */
  public String getExportUrl() {
    AuditFilter f = filter();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("actor", f.actor());
    params.put("action", f.action());
    params.put("objectType", f.objectType());
    params.put("objectId", f.objectId());
    params.put("from", f.from());
    params.put("to", f.to());
    return "files/audit-trail.csv?"
        + params.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  public LazyDataModel<AuditEvent> getEvents() {
    return events;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getObjectType() {
    return objectType;
  }

  public void setObjectType(String objectType) {
    this.objectType = objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  public void setObjectId(String objectId) {
    this.objectId = objectId;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
