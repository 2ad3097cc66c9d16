package org.trialledger.audit.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.trialledger.audit.application.AuditCsv;
import org.trialledger.audit.application.AuditQueries;
import org.trialledger.audit.domain.AuditFilter;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.DownloadServlet;
import org.trialledger.security.application.CurrentActor;

/**
 * {@code /files/audit-trail.csv?actor=&action=&objectType=&objectId=&from=&to=}: the audit page's
 * CSV export.
 */
@WebServlet("/files/audit-trail.csv")
public class AuditTrailDownload extends DownloadServlet {
  @Inject private CurrentActor actor;
  @Inject private AuditQueries queries;

  @Override
  protected Download resolve(List<String> segments, HttpServletRequest request) {
    if (!segments.isEmpty()) throw new NotFoundException("No such file");
    AuditFilter filter =
        new AuditFilter(
            request.getParameter("actor"),
            request.getParameter("action"),
            request.getParameter("objectType"),
            request.getParameter("objectId"),
            instant(request.getParameter("from")),
            instant(request.getParameter("to")));
    var events = queries.export(actor.caller(), filter);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AuditCsv.write(events.stream(), new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    return new Download(bytes.toByteArray(), "text/csv; charset=UTF-8", "audit-trail.csv");
  }

  private static Instant instant(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant: " + value);
    }
  }
}
